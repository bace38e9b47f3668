package net.sguil.bridge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.daemon.BridgeDaemon;
import net.sguil.bridge.rules.RuleBuildException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "The bridge daemon: follows Sguil's event and sancp tables, runs the rules of rules.dirs, pulls the",
            "packets of the sessions the rules ask about from the sensors' RAW_LOG_DIR, and delivers every",
            "conclusion to Sguil exactly once (through sguild, or straight into the database when no",
            "sguild.host is set). SIGTERM or SIGINT: stop intake, finish or save in-flight work, flush, exit 0.",
            "",
            "Exit status: 0 stopped by a signal; 1 the rules do not compile; 2 bad configuration."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Configuration file (see sguil-integration/sguil-bridge.conf.example).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BridgeDaemon daemon;
        try {
            daemon = BridgeDaemon.start(BridgeConfig.load(config));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("sguil-bridge: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        } catch (RuleBuildException e) {
            e.errors().forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().println("sguil-bridge: the rules do not compile; not started");
            return Main.EXIT_FAILURE;
        }
        // A signal handler rather than a shutdown hook: a hook cannot make the exit status 0.
        Signal.handle(new Signal("TERM"), s -> new Thread(daemon::stop, "stop").start());
        Signal.handle(new Signal("INT"), s -> new Thread(daemon::stop, "stop").start());
        daemon.awaitStop();
        return Main.EXIT_OK;
    }
}
