package net.sguil.bridge.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.sguil.bridge.report.ReportOutput;
import net.sguil.bridge.report.SignatureTrend;
import net.sguil.bridge.report.SignatureTrendReport;
import net.sguil.bridge.report.TrendRow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sguil-bridge report signature-trend}. */
@Command(name = "signature-trend", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Counts one signature's alerts per UTC day against the median of the days before.",
        exitCodeList = {
            "0:the report was printed",
            "2:an option or the configuration is unusable",
            "3:the database cannot be reached, refused the login, or failed the query"},
        description = {
            "The alerts come from Sguil's event table; each day is set against the median of the N days before it.",
            "",
            "median_before counts days without alerts as 0. ratio = count / max(median_before, 1): always a number; "
                    + "for a signature that was silent before, it is the day's count itself.",
            "Days run from the first to the last day with an alert unless --from/--to say otherwise.",
            "Columns: day, count, median_before, ratio."})
final class SignatureTrendCommand implements Callable<Integer> {
    private static final List<String> COLUMNS = List.of("day", "count", "median_before", "ratio");

    static final class Which {
        @Option(names = "--signature", paramLabel = "TEXT", required = true, description = "The alert message, exactly as in Sguil.")
        String text;

        @Option(names = "--sid", paramLabel = "N", required = true, description = "The Snort signature id (event.signature_id).")
        Long sigId;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--days", paramLabel = "N", description = "How many days before each day the median covers (default ${DEFAULT-VALUE}).")
    int days = 7;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = Converters.Days.class, description = "The first day to show (UTC).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = Converters.Days.class, description = "The last day to show (UTC).")
    LocalDate to;

    @Mixin
    DbOptions db;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        return DbCommands.run(spec, db, (c, out) -> {
            ReportOutput.Format format = output.format();
            if (days < 1 || days > SignatureTrend.MAX_DAYS) {
                throw new IllegalArgumentException("--days must be 1.." + SignatureTrend.MAX_DAYS);
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("--to is before --from");
            }
            if (from != null && to != null && from.plusDays(3660).isBefore(to)) {
                throw new IllegalArgumentException("--from .. --to covers more than ten years");
            }
            SignatureTrendReport.Selector sel = which.text != null
                    ? new SignatureTrendReport.ByText(which.text) : new SignatureTrendReport.BySid(which.sigId);
            List<List<Object>> rows = new ArrayList<>();
            for (TrendRow r : SignatureTrendReport.run(c, sel, from, to, days)) {
                rows.add(List.of(r.day().toString(), r.count(),
                        BigDecimal.valueOf(r.medianBefore()).stripTrailingZeros(),
                        BigDecimal.valueOf(r.ratio()).setScale(2, RoundingMode.HALF_UP)));
            }
            ReportOutput.write(out, format, COLUMNS, rows);
            return Main.EXIT_OK;
        });
    }
}
