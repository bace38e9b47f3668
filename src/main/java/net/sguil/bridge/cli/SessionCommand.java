package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.sguil.bridge.analysis.CaptureProcessor;
import net.sguil.bridge.analysis.CaptureReport;
import net.sguil.bridge.analysis.ExtractedMessage;
import net.sguil.bridge.analysis.ExtractionConfig;
import net.sguil.bridge.analysis.ExtractionPipeline;
import net.sguil.bridge.analysis.FactFeed;
import net.sguil.bridge.analysis.SmtpSessionRecord;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.BridgeConfig.SensorPcaps;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.daemon.DaemonSettings;
import net.sguil.bridge.delivery.EventDelivery;
import net.sguil.bridge.delivery.StoredConclusions;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.facts.SancpSession;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.rawlog.SessionFilter;
import net.sguil.bridge.rawlog.SessionPackets;
import net.sguil.bridge.report.TimeArg;
import net.sguil.bridge.rules.ActionHandler;
import net.sguil.bridge.rules.EventSink;
import net.sguil.bridge.rules.PrintingEventSink;
import net.sguil.bridge.rules.RuleCache;
import net.sguil.bridge.rules.RuleEngine;
import net.sguil.bridge.rules.RuleSet;
import net.sguil.bridge.sguil.DbUnreachableException;
import net.sguil.bridge.sguil.SessionRows;
import net.sguil.bridge.text.Printable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "session", mixinStandardHelpOptions = true,
        header = "Analyses one session of a sensor: an alert's, a sancp record's, or one given by its endpoints.",
        description = {
            "Finds the session in Sguil's database (--alert SID.CID or --sancp SID.SANCPID, the ids the console "
                    + "shows) or takes it from the command line (--conn with --at), finds its packets in the "
                    + "sensor's RAW_LOG_DIR across file rotation (sensor.NAME.raw_log_dir, pcap.back_seconds and "
                    + "pcap.forward_seconds of the configuration file), and prints what extract and scan print "
                    + "for that one session: its attachments, then the events the rules conclude.",
            "",
            "--write-pcap saves the session's packets, what the console's Wireshark button gave the analyst. "
                    + "The attachments go to -o DIR, else to a private temporary directory removed at the end.",
            "",
            "--send delivers the events to Sguil the way the daemon does (sguild's agent protocol when "
                    + "sguild.host is set, else the database), and waits until each is confirmed. What Sguil "
                    + "already holds as the bridge's events is not sent again, so sending the same session twice "
                    + "adds nothing."},
        exitCodeList = {
            "0:the session was found in the capture files and analysed",
            "1:no capture file covers the time, the session is not in them, the rules do not compile, or "
                    + "--send: not every event was confirmed within a minute",
            "2:the alert or sancp row does not exist, the sensor has no raw_log_dir, or an option or the "
                    + "configuration is unusable",
            "3:the database cannot be reached",
            "4:the -o directory or the --write-pcap file cannot be written"})
public final class SessionCommand implements Callable<Integer> {
    /** The pcap search of an alert spans five minutes either side, like Sguil's own pcap requests. */
    private static final long ALERT_WINDOW_SECONDS = 300;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The bridge's configuration "
            + "file: the database, the sensors' raw_log_dir, the rules and their parameters, the limits.")
    Path config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selector selector;

    static final class Selector {
        @Option(names = "--alert", paramLabel = "SID.CID", description = "The session of this alert.")
        String alert;

        @Option(names = "--sancp", paramLabel = "SID.SANCPID", description = "The session of this sancp record.")
        String sancp;

        @Option(names = "--conn", paramLabel = "SRC_IP:PORT-DST_IP:PORT",
                description = "The TCP session between these endpoints, around --at.")
        String conn;
    }

    @Option(names = "--at", paramLabel = "TIME", converter = Converters.Times.class,
            description = "With --conn: when the session was seen (2006-06-15T10:00:00Z, '2006-06-15 10:00:00' UTC, "
                    + "or 2h for two hours ago).")
    TimeArg at;

    @Option(names = "--sensor", paramLabel = "NAME", description = "With --conn: the sensor that saw it; needed "
            + "when more than one sensor has a raw_log_dir.")
    String sensor;

    @Option(names = "--json", description = "Print one JSON object per line: the attachment, message, session and "
            + "pcap records of extract, then the events of scan.")
    boolean json;

    @Option(names = "--write-pcap", paramLabel = "FILE", description = "Write the session's packets to this pcap file.")
    Path writePcap;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Keep the attachments in this directory "
            + "(created, mode 0750, if missing).")
    Path outputDir;

    @Option(names = "--send", description = "Deliver the events to Sguil, like the daemon.")
    boolean send;

    @Mixin
    RuleCacheOptions ruleCache = new RuleCacheOptions();

    @Spec
    CommandSpec spec;

    /** How long --send waits for sguild (or the database) to confirm every event. */
    private static final java.time.Duration SEND_PATIENCE = java.time.Duration.ofMinutes(1);

    /** The session to analyse: its sensor, endpoints and the span to search. */
    record Target(String sensor, String srcIp, int srcPort, String dstIp, int dstPort, Instant start, Instant end) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleCache cache = ruleCache.cache();
        DaemonSettings settings;
        try {
            settings = DaemonSettings.from(BridgeConfig.load(config));
        } catch (ConfigException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, e.getMessage());
        }
        Target t = target(settings);
        SensorPcaps pcaps = settings.sensorPcaps().get(t.sensor());
        if (pcaps == null) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, "sensor " + t.sensor() + " has no raw_log_dir: set sensor."
                    + t.sensor() + ".raw_log_dir in " + config);
        }
        List<Path> files = new RawLogLocator(pcaps.rawLogDir(), pcaps.prefix(), settings.pcapBack(),
                settings.pcapForward()).filesFor(t.start(), t.end());
        if (files.isEmpty()) {
            throw new CommandFailure(Main.EXIT_FAILURE, "no capture file of sensor " + t.sensor() + " in "
                    + pcaps.rawLogDir() + " covers " + t.start());
        }
        if (outputDir != null) {
            OutputDirectory.prepare(outputDir, "-o");
        }
        RuleSet rules = RuleLoading.compile(settings.ruleDirs(), cache, err, "nothing was analysed");
        if (writePcap != null) {
            savePackets(files, t, settings, err);
        }
        List<SguilEventOut> concluded = new ArrayList<>();
        long connections = analyse(files, t, settings, rules, concluded, out, err);
        out.flush();
        if (connections == 0) {
            throw new CommandFailure(Main.EXIT_FAILURE, "the session " + t.srcIp() + ":" + t.srcPort() + " - "
                    + t.dstIp() + ":" + t.dstPort() + " is not in the capture files " + names(files));
        }
        if (send) {
            deliver(settings, concluded, err);
        }
        return Main.EXIT_OK;
    }

    /** --send: through an outbox of its own (the daemon's may be in use), told what Sguil already holds. */
    private void deliver(DaemonSettings settings, List<SguilEventOut> events, PrintWriter err) throws IOException {
        int fresh = 0;
        try (WorkDirectory work = WorkDirectory.of(null, "sguil-bridge-send-");
             EventDelivery delivery = settings.openDelivery(work.path().resolve("outbox"))) {
            try (Connection c = settings.db().connect()) {
                delivery.remember(StoredConclusions.read(c, settings.ownSensor(),
                        settings.deliveryLimits().outbox().rememberedConclusions()));
            }
            for (SguilEventOut e : events) {
                fresh += delivery.submit(e) ? 1 : 0;
            }
            delivery.sync();
            if (!delivery.awaitDrained(SEND_PATIENCE)) {
                throw new CommandFailure(Main.EXIT_FAILURE, delivery.stats().outboxDepth() + " of " + fresh
                        + " event(s) not confirmed within " + SEND_PATIENCE.toSeconds() + " s ("
                        + (delivery.stats().condition() == null ? "no answer" : delivery.stats().condition())
                        + "); they were not delivered");
            }
        } catch (DbUnreachableException e) {
            throw new CommandFailure(Main.EXIT_DB_UNREACHABLE, e.getMessage());
        } catch (SQLException e) {
            throw new CommandFailure(Main.EXIT_DB_UNREACHABLE, "database error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(Main.EXIT_FAILURE, "interrupted while sending");
        }
        err.println("sguil-bridge: " + fresh + " event(s) sent to Sguil, " + (events.size() - fresh)
                + " already there");
    }

    private Target target(DaemonSettings settings) {
        if (selector.conn != null) {
            return connection(settings);
        }
        if (at != null || sensor != null) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, "--at and --sensor go with --conn; an alert or sancp row "
                    + "names its own sensor and time");
        }
        boolean isAlert = selector.alert != null;
        String id = isAlert ? selector.alert : selector.sancp;
        String[] parts = id.split("\\.", -1);
        long[] n;
        try {
            n = new long[] {Integer.parseInt(parts[0]), Long.parseLong(parts[1])};
            if (parts.length != 2 || n[0] < 0 || n[1] < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, (isAlert ? "--alert" : "--sancp") + " "
                    + Printable.chars(id) + ": give it as SID." + (isAlert ? "CID" : "SANCPID") + ", e.g. 3.1234");
        }
        try (Connection c = settings.db().connect()) {
            if (isAlert) {
                SguilAlert a = SessionRows.alert(c, (int) n[0], n[1]).orElseThrow(() -> noRow("alert", id, "event"));
                requireTcp(a.getIpProto(), "alert " + id);
                return new Target(a.getSensor(), a.getSrcIp(), a.getSrcPort(), a.getDstIp(), a.getDstPort(),
                        a.getTimestamp().minusSeconds(ALERT_WINDOW_SECONDS),
                        a.getTimestamp().plusSeconds(ALERT_WINDOW_SECONDS));
            }
            SancpSession s = SessionRows.sancp(c, (int) n[0], n[1]).orElseThrow(() -> noRow("session", id, "sancp"));
            requireTcp(s.getIpProto(), "session " + id);
            return new Target(s.getSensor(), s.getSrcIp(), s.getSrcPort(), s.getDstIp(), s.getDstPort(), s.getStartTime(),
                    s.getEndTime());
        } catch (DbUnreachableException e) {
            throw new CommandFailure(Main.EXIT_DB_UNREACHABLE, e.getMessage());
        } catch (SQLException e) {
            throw new CommandFailure(Main.EXIT_DB_UNREACHABLE, "database error: " + e.getMessage());
        }
    }

    private static CommandFailure noRow(String what, String id, String table) {
        return new CommandFailure(Main.EXIT_BAD_INPUT, "no " + what + " " + id + " in the " + table + " table");
    }

    private static void requireTcp(int proto, String what) {
        if (proto != 6) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, what + " is not TCP (protocol " + proto + "): only TCP "
                    + "sessions are reassembled");
        }
    }

    private Target connection(DaemonSettings settings) {
        if (at == null) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, "--conn needs --at TIME: when the session was seen");
        }
        String[] ends = selector.conn.split("-", -1);
        if (ends.length != 2) {
            throw badConn();
        }
        String[] src = endpoint(ends[0]);
        String[] dst = endpoint(ends[1]);
        String name = sensor;
        if (name == null) {
            if (settings.sensorPcaps().size() != 1) {
                throw new CommandFailure(Main.EXIT_BAD_INPUT, settings.sensorPcaps().size() + " sensors have a "
                        + "raw_log_dir in " + config + ": name one with --sensor");
            }
            name = settings.sensorPcaps().keySet().iterator().next();
        }
        Instant when = at.resolve(Instant.now());
        return new Target(name, src[0], Integer.parseInt(src[1]), dst[0], Integer.parseInt(dst[1]), when, when);
    }

    private String[] endpoint(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 1) {
            throw badConn();
        }
        String ip = s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (!ip.matches("[0-9.]{7,15}") || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            throw badConn();
        }
        try {
            new SessionFilter(ip, 0, ip, 0, segment -> { });
        } catch (IllegalArgumentException e) {
            throw badConn();
        }
        return new String[] {ip, port};
    }

    private CommandFailure badConn() {
        return new CommandFailure(Main.EXIT_BAD_INPUT, "--conn " + Printable.chars(selector.conn)
                + ": give it as SRC_IP:PORT-DST_IP:PORT, e.g. 10.0.0.5:40001-192.0.2.25:25");
    }

    private void savePackets(List<Path> files, Target t, DaemonSettings settings, PrintWriter err) {
        try {
            SessionPackets.Written w = SessionPackets.write(files, t.srcIp(), t.srcPort(), t.dstIp(), t.dstPort(),
                    settings.analysisLimits().pcap(), writePcap);
            err.println("sguil-bridge: " + w.packets() + " packet(s) of the session written to " + writePcap
                    + (w.otherLinkType() > 0 ? "; " + w.otherLinkType() + " left out (another link type)" : ""));
        } catch (IOException e) {
            throw new CommandFailure(Main.EXIT_OUTPUT, writePcap + ": cannot write the session's packets ("
                    + Failures.describe(e) + ")");
        }
    }

    /** Runs the session through extract's report and the rules; returns the session's connections seen. */
    private long analyse(List<Path> files, Target t, DaemonSettings settings, RuleSet rules,
                         List<SguilEventOut> concluded, PrintWriter out, PrintWriter err) throws IOException {
        ExtractionReport report = json ? new JsonExtractionReport(out, err) : new TextExtractionReport(out, err);
        long[] connections = {0};
        PrintingEventSink printer = new PrintingEventSink(out, json);
        EventSink sink = new EventSink() {
            @Override
            public void accept(SguilEventOut e) {
                printer.accept(e);
                concluded.add(e);
            }

            @Override
            public void flush() {
                printer.flush();
            }
        };
        try (WorkDirectory work = WorkDirectory.of(outputDir, "sguil-bridge-session-");
             RuleEngine engine = RuleEngine.replay(rules, settings.ruleParameters(), sink, ActionHandler.loggingOnly())) {
            FactFeed feed = new FactFeed(engine::insertAndFire) {
                @Override
                public void message(ExtractedMessage m) {
                    report.message(m);
                    super.message(m);
                }

                @Override
                public void smtpSession(SmtpSessionRecord s) {
                    report.smtpSession(s);
                }

                @Override
                public void httpTransaction(HttpTransaction h) {
                    report.httpTransaction(h);
                    super.httpTransaction(h);
                }

                @Override
                public void capture(CaptureReport r) {
                    connections[0] += r.connections();
                    report.capture(r);
                }
            };
            try (ExtractionPipeline pipeline = new ExtractionPipeline(
                    ExtractionConfig.defaults(work.path()).withLimits(settings.analysisLimits()), feed)) {
                new CaptureProcessor(pipeline, true).processSession(files, names(files),
                        next -> new SessionFilter(t.srcIp(), t.srcPort(), t.dstIp(), t.dstPort(), next));
            }
            engine.advanceTo(engine.clock().plus(java.time.Duration.ofDays(1)));
        }
        return connections[0];
    }

    private static String names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList().toString();
    }
}
