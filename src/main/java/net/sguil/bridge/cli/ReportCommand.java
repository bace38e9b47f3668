package net.sguil.bridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sguil-bridge report ...}: questions asked of Sguil's database. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports computed from Sguil's database.",
        subcommands = {TopPortsCommand.class, SignatureTrendCommand.class})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_BAD_INPUT;
    }
}
