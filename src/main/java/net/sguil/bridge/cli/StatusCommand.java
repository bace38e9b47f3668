package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.daemon.DaemonStatus;
import net.sguil.bridge.daemon.StatusFile;
import net.sguil.bridge.delivery.DeliveryStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Shows the running daemon's health from its status file.",
        description = "The daemon rewrites state.dir/status.json every health interval, and within a second when "
                + "the connection or what is failing changes: rows read, pcap actions and the anomalies of their "
                + "captures, the rules' counts, and delivery (connected, what is failing now, delivered, outbox "
                + "depth, the time of the last confirmed event, transient failures, refused, dropped and repaired "
                + "events) and the last error with its time. status prints it, and says STALE when it was not "
                + "rewritten for three health intervals.",
        exitCodeList = {
            "0:the daemon's status is fresh",
            "1:the status is stale (the daemon is stopped or stuck), or the daemon has never run with this "
                    + "configuration",
            "2:the configuration is unusable"})
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The daemon's configuration "
            + "file.")
    Path config;

    @Option(names = "--json", description = "Print the status file as it is.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path stateDir;
        try {
            stateDir = BridgeConfig.load(config).stateDir();
        } catch (ConfigException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, e.getMessage());
        }
        DaemonStatus s;
        try {
            s = StatusFile.load(stateDir);
        } catch (NoSuchFileException e) {
            err.println("sguil-bridge: " + stateDir.resolve(StatusFile.NAME) + ": no status file: the daemon has not "
                    + "run with " + config + " yet; start it (systemctl start sguil-bridge, or sguil-bridge run "
                    + "--config " + config + ")");
            return Main.EXIT_FAILURE;
        } catch (IOException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, stateDir.resolve(StatusFile.NAME) + ": cannot read it: "
                    + Failures.reason(e));
        }
        Instant written = Instant.parse(s.time());
        boolean stale = Duration.between(written, Instant.now()).toSeconds() > 3 * s.healthIntervalSeconds();
        if (json) {
            out.println(StatusFile.json(s));
        } else {
            print(out, s);
            if (stale) {
                out.println("STALE: not rewritten since " + written + "; is the daemon running?");
            }
        }
        out.flush();
        return stale ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }

    private static void print(PrintWriter out, DaemonStatus s) {
        DeliveryStats d = s.delivery();
        line(out, "written", s.time() + " by pid " + s.pid());
        line(out, "intake", "alerts " + s.intake().alerts() + ", sessions " + s.intake().sessions() + ", replayed "
                + s.intake().replayed() + "; database " + (s.intake().databaseConnected() ? "connected" : "NOT connected"));
        line(out, "pcap actions", "done " + s.actions().done() + ", pending " + s.actions().pending() + ", queued "
                + s.actions().queued() + ", dropped " + s.actions().dropped() + ", failed " + s.actions().failed());
        line(out, "analysis", "captures " + s.analysis().captures() + ", facts " + s.analysis().facts() + ", weirds "
                + counts(s.analysis().weirds()));
        line(out, "rules", "concluded " + s.rules().concluded() + ", duplicates " + s.rules().duplicates()
                + ", facts in memory " + s.rules().factsInMemory() + ", weirds " + counts(s.rules().weirds()));
        line(out, "rule files", String.join(", ", s.rules().files()));
        line(out, "delivery", d.transport() + ": " + (d.connected() ? "connected" : "NOT connected")
                + (d.condition() == null ? "" : "; " + d.condition()));
        line(out, "delivered", d.confirmed() + " (" + d.alreadyStored() + " stored by an earlier attempt), outbox "
                + d.outboxDepth() + ", sent " + d.sent());
        line(out, "last confirmed", d.lastConfirmedAt() == null ? "never" : d.lastConfirmedAt());
        line(out, "anomalies", "transient failures " + d.transientFailures() + ", refused " + d.refused()
                + ", dropped invalid " + d.droppedInvalid() + ", repaired " + d.repaired() + " "
                + counts(d.repairs()));
        line(out, "last error", s.lastError() == null ? "none" : s.lastError().message() + " (at "
                + s.lastError().time() + ")");
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-15s %s%n", label, value);
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.toString();
    }
}
