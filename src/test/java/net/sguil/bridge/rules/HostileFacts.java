package net.sguil.bridge.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.facts.AttachedFile;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.FileContent;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.MessageInfo;
import net.sguil.bridge.facts.SancpSession;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.files.SafeFileName;

/**
 * Facts with the names an attacker chooses (NUL in a file name, RLO, accented text, CR/LF, a
 * 551-character URI, {@code <script>}, entities) for every shipped rule, and the events the shipped
 * rules conclude from them: the input of the detail golden tests and of the console screenshots
 * ({@link HostileEventsToSguild}).
 */
final class HostileFacts {
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final String KNOWN_BAD_SHA256 = "b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184";
    /** Windows runs it; the name shows "txt" first. */
    static final String NUL_NAME = "con.txt\u0000.exe";
    /** Shown as "invoice_exe.pdf" by a bidi-aware viewer: RLO reverses "fdp.exe". */
    static final String RLO_NAME = "invoice_\u202Efdp.exe";
    static final String ACCENTED_NAME = "r\u00e9sum\u00e9 d\u00e9taill\u00e9.pdf";
    static final String MARKUP_NAME = "<script>alert('x')</script>&amp;\r\n.jpg.exe";
    /** 551 characters, as seen on the wire. */
    static final String LONG_URI = "/cgi-bin/" + "%41".repeat(60) + "<script>alert(1)</script>" + "B".repeat(300)
            + "?a=1&b=\u0000&c=\u00c3\u00a9" + "C".repeat(24);

    private HostileFacts() {
    }

    static List<Attachment> attachments() {
        SessionInfo s = new SessionInfo("snort.log.1764579600", "203.0.113.66", 41000, "10.0.0.25", 25,
                T0.minusSeconds(5), T0);
        // The envelope is bytes (UTF-8 read one char per byte); the headers are decoded text.
        MessageInfo m = new MessageInfo("m\u00c3\u00a9chant\r\n@example.org",
                List.of("bob@example.com", "carol\u0000@example.com"),
                "Facture impay\u00e9e \u202E <b>URGENT</b> &amp; \r\nBcc: eve@example.org",
                "<20261201090000.1@mail.example.org>", "Tue, 1 Dec 2026 09:00:00 +0000",
                "Billing <billing@example.org>", "bob@example.com");
        return List.of(
                file(s, m, NUL_NAME, "text/plain", "pe", KNOWN_BAD_SHA256, Attachment.COMPLETE),
                file(s, m, RLO_NAME, "application/pdf", "pe", sha("2"), Attachment.COMPLETE),
                file(s, m, ACCENTED_NAME, "application/pdf", "pe", sha("3"), Attachment.TRUNCATED),
                file(s, m, MARKUP_NAME, "image/jpeg", "script-js", sha("4"), Attachment.COMPLETE));
    }

    private static String sha(String digit) {
        return digit.repeat(64);
    }

    private static Attachment file(SessionInfo s, MessageInfo m, String name, String type, String magic, String sha256,
                                   String state) {
        String stored = "/var/lib/sguil-bridge/extract/20261201T090000-203.0.113.66-41000/"
                + SafeFileName.of(name, SafeFileName.DEFAULT_MAX_LENGTH).withSuffix(0);
        return new Attachment(s, m, new AttachedFile(name, type, new FileContent(73_802, sha256.substring(0, 32),
                sha256.substring(0, 40), sha256, magic, ""), stored, state, "", "0", 1), T0);
    }

    private static HttpTransaction.Builder put(int srcPort, String uri, Instant at) {
        return HttpTransaction.builder()
                .connection("snort.log.1764579600", "198.51.100.23", srcPort, "10.0.0.80", 80, true, at)
                .index(1).requestLine("PUT", uri, "HTTP/1.1").requestStart("PUT /cgi", true)
                .host("www.example.com\u00e2\u0080\u00ae") // RLO as UTF-8 bytes
                .userAgent("Mozilla/5.0 (caf\u00c3\u00a9 \u001b[31mred\u001b[0m)")
                .headers(List.of(Map.entry("Translate", "f")))
                .requestBody(1337, "<?php system($_GET['c']); ?>\r\n\u0000\u0001\u00ff" + "x".repeat(40), false)
                .sessionGaps(1)
                .requestTime(at);
    }

    static List<HttpTransaction> transactions() {
        Instant t = T0.plusSeconds(60);
        return List.of(
                put(51000, LONG_URI, t).response(201, "Created \u00c3\u00a9", t.plusMillis(40)).build(),
                put(51001, "/index.html\u0000.php", t.plusSeconds(1)).build(),
                put(51002, "/a<b>.html", t.plusSeconds(2)).response(405, "Not Allowed", t.plusSeconds(2)).build(),
                put(51003, "/%2e%2e/etc/passwd", t.plusSeconds(3)).response(403, "Forbidden\r\nX-Evil: 1", t.plusSeconds(3))
                        .build(),
                put(51004, "/caf\u00c3\u00a9.html", t.plusSeconds(4)).response(403, "Forbidden", t.plusSeconds(4)).build());
    }

    /** A day of one alert, then a day of five of a signature with hostile text: a spike with min_count 5. */
    static List<SguilAlert> alerts() {
        String signature = "ET WEB \u00e9vil <script> \u0000 probe";
        List<SguilAlert> out = new ArrayList<>();
        out.add(alert(1, signature, T0.minus(Duration.ofDays(1))));
        for (int i = 0; i < 5; i++) {
            out.add(alert(2 + i, signature, T0.plusSeconds(i)));
        }
        return out;
    }

    private static SguilAlert alert(long cid, String signature, Instant at) {
        return new SguilAlert(1, cid, "sensor1", signature, 1, 2_010_000, 2, at, 2, "web-application-attack", 0,
                "198.51.100.23", "10.0.0.80", 51000, 80, 6);
    }

    /** An hour of 1 MB out of the home network on port 443, then an hour of 50 MB: an outbound volume event. */
    static List<SancpSession> sessions() {
        return List.of(session(1, T0.minus(Duration.ofHours(1)), 1_000_000), session(2, T0, 50_000_000));
    }

    private static SancpSession session(long id, Instant at, long bytes) {
        return new SancpSession(1, id, "sensor1", at, at.plusSeconds(30), 30, 6, "10.0.0.7", "203.0.113.9", 40000 + (int) id,
                443, 100, bytes, 100, 5_000, 27, 27);
    }

    static RuleParameters parameters() {
        return RuleParameters.defaults().withKnownBadHashes(KnownBadHashes.of(KNOWN_BAD_SHA256))
                .withTrending(5, 3, 1).withVolume(10, 1, 10_000_000);
    }

    /** Every shipped rule pack over the hostile facts, a day of clock after them; events in time order, then by rule. */
    static List<SguilEventOut> events() throws RuleBuildException {
        RuleSet rules = KnowledgeBaseLoader.load(List.of(Path.of("drl")));
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, parameters(), sink, sink)) {
            List<Object[]> facts = new ArrayList<>();
            alerts().forEach(a -> facts.add(new Object[] {a, a.getTimestamp()}));
            sessions().forEach(s -> facts.add(new Object[] {s, s.getStartTime()}));
            attachments().forEach(a -> facts.add(new Object[] {a, a.getTimestamp()}));
            transactions().forEach(t -> facts.add(new Object[] {t, Instant.ofEpochMilli(t.getTimestampMillis())}));
            facts.sort(Comparator.comparing(f -> (Instant) f[1]));
            for (Object[] f : facts) {
                engine.insert(f[0], (Instant) f[1]);
                engine.fireUntilQuiet();
            }
            engine.advanceTo(engine.clock().plus(Duration.ofDays(1)));
        }
        return sink.events.stream().sorted(Comparator.comparing(SguilEventOut::getTimestamp)
                .thenComparing(SguilEventOut::getRule).thenComparing(SguilEventOut::getSignature)).toList();
    }
}
