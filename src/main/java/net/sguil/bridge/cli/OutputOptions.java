package net.sguil.bridge.cli;

import net.sguil.bridge.report.ReportOutput;
import picocli.CommandLine.Option;

/** {@code --csv} / {@code --json} for commands that print a table. */
public final class OutputOptions {
    @Option(names = "--csv", description = "Print CSV (with a header line) instead of a table.")
    boolean csv;

    @Option(names = "--json", description = "Print one JSON object per row (JSON Lines), keyed by column name.")
    boolean json;

    ReportOutput.Format format() {
        if (csv && json) {
            throw new IllegalArgumentException("--csv and --json exclude each other");
        }
        return json ? ReportOutput.Format.JSON : csv ? ReportOutput.Format.CSV : ReportOutput.Format.TABLE;
    }
}
