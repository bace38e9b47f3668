package net.sguil.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import net.sguil.bridge.daemon.StatusFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Shows the running daemon's health, from the status file it rewrites every health interval in",
            "state.dir: facts in, pcap actions, events concluded and delivered, outbox depth, last error.",
            "",
            "Exit status: 0 fresh; 1 stale (not rewritten for three health intervals: the daemon is stopped",
            "or stuck) or missing; 2 bad configuration."})
public final class StatusCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The daemon's configuration file.")
    Path config;

    @Option(names = "--json", description = "The status file as it is.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> s;
        try {
            s = StatusFile.read(BridgeConfig.load(config).stateDir());
        } catch (ConfigException e) {
            err.println("sguil-bridge: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("sguil-bridge: no status file: the daemon has not run (or not for a health interval)");
            return Main.EXIT_FAILURE;
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
