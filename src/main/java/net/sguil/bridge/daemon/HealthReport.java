package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Path;
import net.sguil.bridge.delivery.DeliveryStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every health interval: one log line of what matters, and {@code status.json} with everything. */
final class HealthReport {
    private static final Logger LOG = LoggerFactory.getLogger(HealthReport.class);

    private final Path stateDir;

    HealthReport(Path stateDir) {
        this.stateDir = stateDir;
    }

    void report(DaemonStatus s) throws IOException {
        DeliveryStats d = s.delivery();
        LOG.info("health: alerts {}, sessions {}, pcap actions done {} (pending {}, dropped {}, failed {}), capture"
                        + " weirds {}, concluded {}, delivered {} (outbox {}, transient failures {}, refused {}, invalid"
                        + " {}, repaired {}), {}{}, last confirmed {}, last error: {}",
                s.intake().alerts(), s.intake().sessions(), s.actions().done(), s.actions().pending(),
                s.actions().dropped(), s.actions().failed(), s.analysis().weirds(), s.rules().concluded(),
                d.confirmed(), d.outboxDepth(), d.transientFailures(), d.refused(), d.droppedInvalid(), d.repaired(),
                d.connected() ? "connected" : "NOT connected", d.condition() == null ? "" : " (" + d.condition() + ")",
                d.lastConfirmedAt() == null ? "never" : d.lastConfirmedAt(),
                s.lastError() == null ? "none" : s.lastError().message() + " at " + s.lastError().time());
        write(s);
    }

    void write(DaemonStatus s) throws IOException {
        StatusFile.write(stateDir, s);
    }
}
