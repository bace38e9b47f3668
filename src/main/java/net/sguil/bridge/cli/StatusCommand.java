package net.sguil.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.daemon.StatusFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Shows the running daemon's health from its status file.",
        description = "The daemon rewrites state.dir/status.json every health interval: facts in, pcap actions, "
                + "events concluded and delivered, outbox depth, the connection and the last error. status "
                + "prints it, and says STALE when it was not rewritten for three health intervals.",
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
        Path file = stateDir.resolve(StatusFile.NAME);
        if (!Files.exists(file)) {
            err.println("sguil-bridge: " + file + ": no status file: the daemon has not run with " + config
                    + " yet; start it (systemctl start sguil-bridge, or sguil-bridge run --config " + config + ")");
            return Main.EXIT_FAILURE;
        }
        Map<String, Object> s;
        try {
            s = StatusFile.read(stateDir);
        } catch (IOException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, file + ": cannot read it: " + Failures.reason(e));
        }
        Instant written = Instant.parse((String) s.get("time"));
        long interval = ((Number) s.getOrDefault("health_interval_seconds", 60)).longValue();
        boolean stale = Duration.between(written, Instant.now()).toSeconds() > 3 * interval;
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(s));
        } else {
            s.forEach((k, v) -> out.printf("%-22s %s%n", k, v));
            if (stale) {
                out.println("STALE: not rewritten since " + written + "; is the daemon running?");
            }
        }
        out.flush();
        return stale ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }
}
