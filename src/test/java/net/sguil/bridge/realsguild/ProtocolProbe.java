package net.sguil.bridge.realsguild;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed script of agent-protocol probes (harness/PROTOCOL.md §2–§6 and a few more corners),
 * giving the server's answers as a transcript, one line per probe, so that two servers (the
 * genuine sguild and a test imitation) can be compared line by line. A probe whose answer may be
 * silence is fenced by a valid event with a cid of its own: everything that arrives before that
 * event's {@code ConfirmEvent} is the probe's answer, nothing at all is {@code <no reply>}. The
 * sensor id, which differs between servers, is written {@code <sid>}.
 */
final class ProtocolProbe {
    private static final String DAY = "2026-01-15";
    private static final String MSG = "50524F4245"; // "PROBE"
    private final int port;
    private final Path pem;
    private final List<String> out = new ArrayList<>();
    private long sid;
    private long fenceCid = 1000;

    private ProtocolProbe(int port, Path pem) {
        this.port = port;
        this.pem = pem;
    }

    static List<String> transcript(int port, Path pem) throws IOException {
        ProtocolProbe p = new ProtocolProbe(port, pem);
        p.run();
        return p.out;
    }

    /** What makes the server's database go away under it (a MariaDB restart; the fake's switch). */
    @FunctionalInterface
    interface DatabaseRestart {
        void run() throws Exception;
    }

    /**
     * The answers after the server's database restarted under it (harness/PROTOCOL.md §4): on a
     * connection registered before, then on a new one (a PING fences its RegisterAgent, which may
     * get no answer but still registers the socket).
     */
    static List<String> afterDatabaseRestart(int port, Path pem, DatabaseRestart restart) throws Exception {
        ProtocolProbe p = new ProtocolProbe(port, pem);
        p.deadHandle(restart);
        return p.out;
    }

    private void deadHandle(DatabaseRestart restart) throws Exception {
        try (SensorConnection c = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
            String info = first(c, "RegisterAgent probe deadsensor ProbeNet");
            sid = Long.parseLong(info.split(" ")[4]);
            record("register", info);
            restart.run();
            record("PING", first(c, "PING"));
            record("event", first(c, deadEvent(1)));
            record("next event", first(c, deadEvent(2)));
            try (SensorConnection d = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
                d.timeout(Duration.ofSeconds(5)); // an answer that has not come by then is not coming
                d.send("RegisterAgent probe deadsensor ProbeNet");
                record("RegisterAgent on a new connection", untilPong(d));
                record("event on the new connection", first(d, deadEvent(3)));
            }
        }
    }

    private String deadEvent(int cid) {
        return event("0", "misc-activity", "deadsensor", DAY + " 12:00:0" + cid, Long.toString(sid), Long.toString(cid), MSG,
                "10.0.0.1", "78");
    }

    /** Sends PING; the answer is what came before its PONG. */
    private static String untilPong(SensorConnection c) throws IOException {
        c.send("PING");
        List<String> got = new ArrayList<>();
        while (true) {
            String l = nextOrClosed(c);
            if (l.equals("PONG")) {
                return got.isEmpty() ? "<no reply>" : String.join(" | ", got);
            }
            got.add(l);
            if (l.startsWith("<closed")) {
                return String.join(" | ", got);
            }
        }
    }

    private static String event(String status, String cls, String host, String ts, String sid, String cid, String msg,
                                String src, String detail) {
        return "GenericEvent " + status + " 3 " + cls + " " + host + " {" + ts + "} " + sid + " " + cid + " 0 " + msg + " "
                + src + " 10.0.0.2 6 1234 80 10001 1 1 " + detail;
    }

    private String valid(String cid) {
        return event("0", "misc-activity", "probesensor", DAY + " 10:00:00", Long.toString(sid), cid, MSG, "10.0.0.1", "78");
    }

    private void run() throws IOException {
        try (SensorConnection c = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
            String info = first(c, "RegisterAgent probe probesensor ProbeNet");
            Matcher m = Pattern.compile("^AgentInfo \\S+ \\S+ \\S+ (\\d+) ").matcher(info);
            sid = m.find() ? Long.parseLong(m.group(1)) : -1;
            record("register", info);
            record("PING", first(c, "PING"));
            record("event", fenced(c, valid("1")));
            record("17 fields", fenced(c, valid("2").substring(0, valid("2").lastIndexOf(' '))));
            record("same cid, same day", fenced(c, valid("1")));
            record("same cid, another day", fenced(c, valid("1").replace(DAY, "2026-01-14")));
            record("not a Tcl list", fenced(c, "GenericEvent 0 3 {misc-activity probesensor x"));
            record("quote in class", fenced(c, event("0", "{it's[x]}", "probesensor", DAY + " 10:00:01", "" + sid, "3", MSG,
                    "10.0.0.1", "78")));
            record("bad IP", fenced(c, event("0", "misc-activity", "probesensor", DAY + " 10:00:02", "" + sid, "4", MSG,
                    "not-an-ip", "78")));
            record("IP octet 256", fenced(c, event("0", "misc-activity", "probesensor", DAY + " 10:00:03", "" + sid, "5", MSG,
                    "256.1.1.1", "78")));
            record("bad timestamp", fenced(c, valid("6").replace("{" + DAY + " 10:00:00}", "yesterday-ish")));
            record("timestamp without seconds", fenced(c, valid("7").replace(DAY + " 10:00:00", DAY + " 10:01")));
            record("non-hex detail", fenced(c, event("0", "misc-activity", "probesensor", DAY + " 10:00:04", "" + sid, "8",
                    MSG, "10.0.0.1", "{not'hex}")));
            record("non-hex message", fenced(c, event("0", "misc-activity", "probesensor", DAY + " 10:00:05", "" + sid, "9",
                    "ZZ", "10.0.0.1", "78")));
            record("unknown sensor id", fenced(c, event("0", "misc-activity", "probesensor", DAY + " 10:00:06", "999", "10",
                    MSG, "10.0.0.1", "78")));
            record("cid not a number", fenced(c, valid("abc")));
            record("quote in hostname", fenced(c, event("0", "misc-activity", "{a'b}", DAY + " 10:00:07", "" + sid, "11", MSG,
                    "10.0.0.1", "78")));
            c.timeout(Duration.ofSeconds(5)); // an answer that has not come by then is not coming
            record("line ended by CR alone", fencedRaw(c, "PING\r"));
            record("unknown command", fenced(c, "NoSuchCommand foo"));
            record("RegisterAgent with two arguments", fenced(c, "RegisterAgent probe probesensor"));
        }
        try (SensorConnection c = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
            record("reconnect: maxCid", first(c, "RegisterAgent probe probesensor ProbeNet"));
        }
        halfStored();
        try (SensorConnection c = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
            c.send("PING");
            record("PING before RegisterAgent, then RegisterAgent", first(c, "RegisterAgent probe probesensor ProbeNet"));
        }
        try (SensorConnection c = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
            c.send("RegisterAgent data probesensor ProbeNet");
            record("RegisterAgent data, then PING", first(c, "PING"));
        }
        try (SensorConnection c = SensorConnection.open(port, pem, "SGUIL-0.9.0 OPENSSL ENABLED", false)) {
            record("wrong version", nextOrClosed(c));
        }
        try (SensorConnection c = SensorConnection.open(port, pem, null, false)) {
            record("plaintext RegisterAgent without VersionInfo", first(c, "RegisterAgent probe probeplain ProbeNet"));
        }
    }

    /** An event whose detail insert fails leaves its event row behind: maxCid counts it. */
    private void halfStored() throws IOException {
        long sid2;
        try (SensorConnection c = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
            String info = first(c, "RegisterAgent probe probesensor2 ProbeNet");
            sid2 = Long.parseLong(info.split(" ")[4]);
            record("second sensor: non-hex detail", first(c, event("0", "misc-activity", "probesensor2", DAY + " 10:00:00",
                    Long.toString(sid2), "1", MSG, "10.0.0.1", "{not'hex}")));
        }
        try (SensorConnection c = SensorConnection.open(port, pem, SensorConnection.VERSION, true)) {
            record("second sensor: reconnect, maxCid", first(c, "RegisterAgent probe probesensor2 ProbeNet"));
        }
    }

    private void record(String probe, String answer) {
        String a = answer.replaceFirst("^(AgentInfo \\S+ \\S+ \\S+ )\\d+ ", "$1<sid> ")
                .replace("'" + sid + "-", "'<sid>-")
                .replace("} " + sid + " ", "} <sid> "); // the sensorID after the timestamp, echoed by Invalid length
        out.add(probe + ": " + a);
    }

    private static String first(SensorConnection c, String line) throws IOException {
        c.send(line);
        return nextOrClosed(c);
    }

    private static String nextOrClosed(SensorConnection c) throws IOException {
        try {
            String l = c.readLine();
            return l == null ? "<closed>" : l;
        } catch (IOException e) {
            return "<closed: " + e.getClass().getSimpleName() + ">";
        }
    }

    private String fenced(SensorConnection c, String line) throws IOException {
        return fencedRaw(c, line + "\n");
    }

    /** Sends {@code text}, then a fence event; the answer is what came before the fence's confirmation. */
    private String fencedRaw(SensorConnection c, String text) throws IOException {
        String fence = "ConfirmEvent " + (++fenceCid);
        c.sendRaw(text);
        c.send(event("0", "misc-activity", "probesensor", DAY + " 11:00:00", Long.toString(sid), Long.toString(fenceCid),
                MSG, "10.0.0.1", "78"));
        List<String> got = new ArrayList<>();
        while (true) {
            String l = nextOrClosed(c);
            if (l.equals(fence)) {
                return got.isEmpty() ? "<no reply>" : String.join(" | ", got);
            }
            got.add(l);
            if (l.startsWith("<closed")) {
                return String.join(" | ", got);
            }
        }
    }
}
