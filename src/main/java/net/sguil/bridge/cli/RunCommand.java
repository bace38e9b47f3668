package net.sguil.bridge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.daemon.BridgeDaemon;
import net.sguil.bridge.rules.MissingRuleDirectoryException;
import net.sguil.bridge.rules.RuleBuildException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs the bridge daemon, which turns Sguil's alerts, sessions and pcaps into events in Sguil.",
        description = {
            "The daemon follows Sguil's event and sancp tables and runs the rules of rules.dirs over them. It "
                    + "pulls the packets of the sessions the rules ask about from the sensors' RAW_LOG_DIR, and "
                    + "delivers every conclusion to Sguil exactly once: through sguild, or straight into the "
                    + "database when no sguild.host is set.",
            "",
            "SIGTERM or SIGINT stops intake, finishes or saves the work in flight, flushes, and exits 0."},
        exitCodeList = {
            "0:stopped by a signal",
            "1:the rules do not compile (file:line: message on stderr)",
            "2:the configuration is unusable (the file and line are named), or a rule directory is missing",
            "4:the state or extract directory cannot be created or written"})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The configuration file; every key is explained in "
                    + "sguil-integration/sguil-bridge.conf.example.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StopSignals signals = StopSignals.install();
        BridgeDaemon daemon;
        try {
            daemon = BridgeDaemon.start(BridgeConfig.load(config));
        } catch (ConfigException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, e.getMessage());
        } catch (MissingRuleDirectoryException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, e.getMessage() + "; fix rules.dirs in " + config);
        } catch (RuleBuildException e) {
            e.errors().forEach(spec.commandLine().getErr()::println);
            throw new CommandFailure(Main.EXIT_FAILURE, "the rules do not compile; not started");
        }
        signals.attach(daemon);
        daemon.awaitStop();
        return Main.EXIT_OK;
    }
}
