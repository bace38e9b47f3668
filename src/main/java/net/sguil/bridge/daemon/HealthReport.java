package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Path;
import net.sguil.bridge.delivery.DeliveryStats;
import net.sguil.bridge.delivery.LastError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every health interval: one log line of what matters, and {@code status.json} with everything.
 * In between, the file is rewritten as soon as the headline changes (connected or not, what is
 * failing, the last error), so {@code sguil-bridge status} shows a dead sguild within seconds.
 */
final class HealthReport {
    private static final Logger LOG = LoggerFactory.getLogger(HealthReport.class);

    /** What must reach the status file without waiting for the next health interval. */
    private record Headline(boolean connected, String condition, boolean databaseConnected,
                            LastError lastError) {
        static Headline of(DaemonStatus s) {
            return new Headline(s.delivery().connected(), s.delivery().condition(), s.intake().databaseConnected(),
                    s.lastError());
        }
    }

    private final Path stateDir;
    private Headline written;

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

    /** Rewrites the file only when the headline differs from what it holds. */
    void writeIfChanged(DaemonStatus s) throws IOException {
        if (!Headline.of(s).equals(written)) {
            write(s);
        }
    }

    void write(DaemonStatus s) throws IOException {
        StatusFile.write(stateDir, s);
        written = Headline.of(s);
    }
}
