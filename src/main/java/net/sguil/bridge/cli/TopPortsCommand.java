package net.sguil.bridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.sguil.bridge.report.HomeNet;
import net.sguil.bridge.report.ReportOutput;
import net.sguil.bridge.report.TimeArg;
import net.sguil.bridge.report.TopPortRow;
import net.sguil.bridge.report.TopPortsReport;
import net.sguil.bridge.sguil.SensorName;
import net.sguil.bridge.sguil.Sensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sguil-bridge report top-ports}. */
@Command(name = "top-ports", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Lists the destination ports that moved the most bytes into and out of the home network.",
        exitCodeList = {
            "0:the report was printed",
            "2:an option or the configuration is unusable",
            "3:the database cannot be reached, refused the login, or failed the query"},
        description = {
            "The sessions come from Sguil's sancp table.",
            "",
            "A session's bytes count by who sent them: bytes sent by the inside host are from my net, bytes sent "
                    + "by the outside host are to my net, whichever side opened the session. Sessions between two "
                    + "inside hosts (inside-to-inside) and between two outside hosts (outside-to-outside) are left out.",
            "A session belongs to the window its start_time falls in: SINCE <= start_time < UNTIL (UTC).",
            "Columns: dst_port, bytes_to_mynet, bytes_from_mynet, total_bytes, sessions; ordered by total_bytes."})
final class TopPortsCommand implements Callable<Integer> {
    private static final List<String> COLUMNS = List.of("dst_port", "bytes_to_mynet", "bytes_from_mynet", "total_bytes", "sessions");

    @Spec
    CommandSpec spec;

    @Option(names = "--home-net", required = true, paramLabel = "CIDR[,CIDR...]", converter = Converters.HomeNets.class,
            description = "The home network: any number of IPv4 CIDRs, comma-separated.")
    HomeNet homeNet;

    @Option(names = "--since", paramLabel = "TIME", converter = Converters.Times.class,
            description = "The window's start: 2006-06-15T10:00:00Z, '2006-06-15 10:00:00' (UTC) or relative "
                    + "(1h, 7d, 30m); the default is 1h.")
    TimeArg since = TimeArg.ago(Duration.ofHours(1));

    @Option(names = "--until", paramLabel = "TIME", converter = Converters.Times.class,
            description = "The window's end (exclusive), in the same forms as --since; the default is now.")
    TimeArg until = TimeArg.ago(Duration.ZERO);

    @Option(names = "--limit", paramLabel = "N", description = "How many ports to show (default ${DEFAULT-VALUE}).")
    int limit = 10;

    @Option(names = "--sensor", paramLabel = "NAME", description = "Only the sessions of this sensor; repeatable.")
    List<String> sensors = new ArrayList<>();

    @Mixin
    DbOptions db;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        return DbCommands.run(spec, db, (c, out) -> {
            ReportOutput.Format format = output.format();
            if (limit < 1 || limit > TopPortsReport.MAX_LIMIT) {
                throw new IllegalArgumentException("--limit must be 1.." + TopPortsReport.MAX_LIMIT);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant from = since.resolve(now);
            Instant to = until.resolve(now);
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--since (" + from + ") must be before --until (" + to + ")");
            }
            List<Integer> sids = new ArrayList<>();
            if (!sensors.isEmpty()) {
                sensors.forEach(SensorName::requireValid);
                Map<Integer, String> found = Sensors.sids(c, new HashSet<>(sensors));
                for (String s : sensors) {
                    if (!found.containsValue(s)) {
                        throw new IllegalArgumentException("no sensor named " + s + " in the database");
                    }
                }
                sids.addAll(found.keySet());
            }
            List<List<Object>> rows = new ArrayList<>();
            for (TopPortRow r : TopPortsReport.run(c, homeNet, from, to, limit, sids)) {
                rows.add(List.of(r.dstPort(), r.bytesToMynet(), r.bytesFromMynet(), r.totalBytes(), r.sessions()));
            }
            ReportOutput.write(out, format, COLUMNS, rows);
            return Main.EXIT_OK;
        });
    }

}
