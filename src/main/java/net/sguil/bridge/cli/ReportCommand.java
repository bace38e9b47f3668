package net.sguil.bridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sguil-bridge report ...}: questions asked of Sguil's database. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Reports computed from Sguil's database.",
        description = "Each report is one SQL query over Sguil's tables (the same SQL is in sguil-integration/sql/), "
                + "printed as a table, CSV or JSON Lines.",
        exitCodeList = "2:no subcommand was given",
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
