package net.sguil.bridge.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.TcpLimits;
import net.sguil.bridge.tcp.TcpReassembler;
import net.sguil.bridge.testpcap.LinkLayer;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import net.sguil.bridge.testpcap.TcpSessionBuilder.Side;
import net.sguil.bridge.weird.Weirds;

/**
 * Writes the seed corpora of the fuzz targets ({@code seed-*} files in each
 * {@code <Class>Inputs/<method>/} directory under src/test/resources), from the test captures under
 * src/test/resources and from sessions built by the test-tree generators ({@code testpcap}). Run from the
 * project directory after changing an input format or a source:
 * {@code java -cp "$(. bench/lib.sh; bench_classpath)" net.sguil.bridge.fuzz.SeedCorpus}.
 * Findings ({@code finding-*}) are kept; old seeds are replaced.
 */
public final class SeedCorpus {
    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final String[] CAPTURE_FILES = {"captures/smtp-attachment.pcap", "captures/smtp-two-rcpt.pcap",
        "captures/http-put-cases.pcap", "pcap/http-v4-v6.pcap", "pcap/http-v4-v6.nsec.pcap",
        "pcap/http-v4-v6.pcapng.gz", "pcap/any-sll2-snap96.pcap"};

    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path tmp = Files.createTempDirectory("seeds");
        Map<String, List<Packet>> sessions = builtSessions();
        Map<String, byte[]> captures = new LinkedHashMap<>();
        for (String c : CAPTURE_FILES) {
            captures.put(Path.of(c).getFileName().toString(), Files.readAllBytes(RESOURCES.resolve(c)));
        }
        for (Map.Entry<String, List<Packet>> s : sessions.entrySet()) {
            captures.put(s.getKey() + ".pcap", Files.readAllBytes(
                    net.sguil.bridge.testpcap.Captures.writePcap(tmp.resolve(s.getKey() + ".pcap"), LinkLayer.ETHERNET,
                            s.getValue())));
        }
        captures.put("frag.pcapng", Files.readAllBytes(net.sguil.bridge.testpcap.Captures.writePcapng(
                tmp.resolve("frag.pcapng"), LinkLayer.ETHERNET, sessions.get("ipv6-fragments"))));
        for (LinkLayer l : LinkLayer.values()) {
            List<Packet> p = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 80).link(l).handshake()
                    .client("GET / HTTP/1.0\r\n\r\n").server("HTTP/1.0 200 OK\r\n\r\nhi").finish().build();
            captures.put("link-" + l.name().toLowerCase() + ".pcap", Files.readAllBytes(
                    net.sguil.bridge.testpcap.Captures.writePcap(tmp.resolve(l + ".pcap"), l, p)));
        }

        Corpus pcap = new Corpus("PcapReaderFuzzTest", "readCapture");
        Corpus decoder = new Corpus("PacketDecoderFuzzTest", "decodeFrames");
        Corpus tcp = new Corpus("TcpReassemblyFuzzTest", "reassemble");
        Corpus smtp = new Corpus("SmtpParserFuzzTest", "parseSession");
        Corpus http = new Corpus("HttpParserFuzzTest", "parseSession");
        Corpus mime = new Corpus("MimeAnalyzerFuzzTest", "analyzeMessage");

        for (Map.Entry<String, byte[]> c : captures.entrySet()) {
            String name = c.getKey();
            byte[] file = c.getValue();
            pcap.add(name, prefixed(0, file));
            if (!name.endsWith(".gz")) {
                pcap.add(name + "-gzip", prefixed(1, file));
            }
            Path f = Files.write(tmp.resolve("c-" + name), file);
            decoder.add(name, frames(f, 0));
            for (int config = 0; config < 4; config++) {
                if (config == 0 || name.startsWith("smtp") || name.startsWith("tcp-")) {
                    tcp.add(name + "-config" + config, segments(f, config));
                }
            }
            boolean isSmtp = name.startsWith("smtp");
            boolean isHttp = name.startsWith("http") || name.startsWith("link-") || name.startsWith("ipv");
            if (isSmtp || isHttp) {
                for (byte[] script : streams(f, 0)) {
                    (isSmtp ? smtp : http).add(name, script);
                }
            }
            if (isSmtp) {
                for (byte[] m : messages(f)) {
                    mime.add(name, prefixed(0, m));
                    mime.add(name + "-tiny-gap", prefixed(3, m));
                }
            }
        }
        decoder.add("fragments-tiny", frames(Files.write(tmp.resolve("f.pcap"), captures.get("ipv4-fragments.pcap")), 1));
        smtpConversations(smtp);
        httpConversations(http);
        mimeMessages(mime);
        for (Corpus c : List.of(pcap, decoder, tcp, smtp, http, mime)) {
            c.write();
        }
    }

    /** TCP sessions from the test-tree builder: fragments, damage, both IP versions. */
    private static Map<String, List<Packet>> builtSessions() {
        Map<String, List<Packet>> m = new LinkedHashMap<>();
        String smtp = "EHLO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n";
        m.put("ipv4-fragments", TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).handshake()
                .server("220 mx\r\n").client(smtp).server("250 a\r\n").finish().fragment(4, 16).fragment(5, 8).build());
        m.put("ipv6-fragments", TcpSessionBuilder.ipv6("fd00::1", 40000, "fd00::2", 80).handshake()
                .client("PUT /x HTTP/1.1\r\nContent-Length: 40\r\n\r\n" + "x".repeat(40))
                .server("HTTP/1.1 201 Created\r\n\r\n").finish().fragment(3, 24).build());
        m.put("tcp-reordered", TcpSessionBuilder.ipv4("10.0.0.1", 40001, "10.0.0.2", 25).isn(0xfffffff0L, 7)
                .handshake().segmentSize(7).client(smtp).server("250 ok\r\n").finish().shuffle(3, 12, 7)
                .duplicate(5).build());
        m.put("tcp-gaps", TcpSessionBuilder.ipv4("10.0.0.1", 40002, "10.0.0.2", 25).handshake().segmentSize(10)
                .client(smtp).server("250 ok\r\n").finish().dropSegment(4).snaplen(6, 60).cutPayload(7, 3).build());
        m.put("tcp-overlap", TcpSessionBuilder.ipv4("10.0.0.1", 40003, "10.0.0.2", 80).handshake()
                .client("GET / HTTP/1.1\r\nHost: a\r\n\r\n").overlap(Side.CLIENT, 4, "EVIL".getBytes())
                .retransmit(Side.CLIENT, 0, 8).server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")
                .rst(Side.SERVER).build());
        m.put("tcp-midstream", TcpSessionBuilder.ipv4("10.0.0.1", 40004, "10.0.0.2", 25).handshake()
                .client("MAIL FROM:<a@b>\r\n").server("250 ok\r\n").pause(java.time.Duration.ofMinutes(6))
                .client("RSET\r\n").finish().dropHandshake().build());
        return m;
    }

    /** The frames of a capture, for the decoder target. */
    private static byte[] frames(Path capture, int config) throws IOException {
        FrameScript.Writer w = new FrameScript.Writer(config);
        read(capture, w);
        return w.bytes();
    }

    /** The decoded segments of a capture, for the reassembly target. */
    private static byte[] segments(Path capture, int config) throws IOException {
        SegmentScript.Writer w = new SegmentScript.Writer(config);
        PacketDecoder d = new PacketDecoder(PcapLimits.defaults(), new Weirds(), w);
        read(capture, d::decode);
        return w.bytes();
    }

    /** Each connection of a capture, reassembled, as a stream script. */
    private static List<byte[]> streams(Path capture, int config) throws IOException {
        List<StreamScript.Writer> writers = new ArrayList<>();
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults(), new Weirds(), c -> {
            StreamScript.Writer w = new StreamScript.Writer(config);
            writers.add(w);
            return w;
        });
        PacketDecoder d = new PacketDecoder(PcapLimits.defaults(), new Weirds(), r);
        read(capture, d::decode);
        r.finish();
        List<byte[]> out = new ArrayList<>();
        for (StreamScript.Writer w : writers) {
            if (w.bytes().length > 1) {
                out.add(w.bytes());
            }
        }
        return out;
    }

    /** The DATA contents of the SMTP sessions in a capture, dot-unstuffing left to a simple rule. */
    private static List<byte[]> messages(Path capture) throws IOException {
        List<byte[]> out = new ArrayList<>();
        List<ByteArrayOutputStream> clients = new ArrayList<>();
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults(), new Weirds(), c -> {
            ByteArrayOutputStream client = new ByteArrayOutputStream();
            clients.add(client);
            return new net.sguil.bridge.tcp.StreamHandler() {
                @Override
                public void onData(Direction d, byte[] b, int off, int len) {
                    if (d == Direction.CLIENT_TO_SERVER) {
                        client.write(b, off, len);
                    }
                }

                @Override
                public void onGap(Direction d, long at, long len) {
                }

                @Override
                public void onClose(net.sguil.bridge.tcp.CloseReason reason) {
                }
            };
        });
        read(capture, new PacketDecoder(PcapLimits.defaults(), new Weirds(), r)::decode);
        r.finish();
        for (ByteArrayOutputStream c : clients) {
            String s = c.toString(StandardCharsets.ISO_8859_1);
            for (int at = s.indexOf("DATA\r\n"); at >= 0; at = s.indexOf("DATA\r\n", at + 1)) {
                int end = s.indexOf("\r\n.\r\n", at);
                if (end > at) {
                    out.add(s.substring(at + 6, end + 2).replace("\r\n..", "\r\n.").getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }

    private static void read(Path capture, Consumer<RawPacket> sink) throws IOException {
        try (PacketSource s = CaptureFiles.open(capture)) {
            RawPacket p = new RawPacket();
            while (s.next(p)) {
                sink.accept(p);
            }
        }
    }

    private static void smtpConversations(Corpus smtp) {
        smtp.add("pipelining", new StreamScript.Writer(0).server("220 mx ESMTP\r\n").client("EHLO c\r\n")
                .server("250-mx\r\n250-PIPELINING\r\n250 CHUNKING\r\n")
                .client("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n")
                .server("250 ok\r\n550 no\r\n250 ok\r\n354 go\r\n")
                .client("Subject: x\r\n\r\n..leading dot\r\n.\r\n").server("250 queued\r\n")
                .client("RSET\r\nQUIT\r\n").server("250 ok\r\n221 bye\r\n").bytes());
        smtp.add("bdat", new StreamScript.Writer(0).server("220 mx\r\n").client("EHLO c\r\n").server("250 CHUNKING\r\n")
                .client("MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nBDAT 10\r\n0123456789BDAT 5 LAST\r\nabcde")
                .server("250 ok\r\n250 ok\r\n250 10 bytes\r\n250 done\r\n").bytes());
        smtp.add("starttls", new StreamScript.Writer(0).server("220 mx\r\n").client("EHLO c\r\nSTARTTLS\r\n")
                .server("250 STARTTLS\r\n220 go ahead\r\n").client("\u0016\u0003\u0001\u0000\u0005hello").bytes());
        smtp.add("gaps-tiny", new StreamScript.Writer(1).server("220 mx\r\n").client("MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\n")
                .gap(Direction.SERVER_TO_CLIENT, 30).client("DATA\r\nSubject: lost reply\r\n\r\nbody\r\n")
                .gap(Direction.CLIENT_TO_SERVER, 100).client("more\r\n.\r\nQUIT\r\n").bytes());
        smtp.add("bare-lf-long-line", new StreamScript.Writer(1).server("220 mx\n").client("HELO " + "h".repeat(100)
                + "\nMAIL FROM:<a@b>\nRCPT TO:<c@d>\nDATA\n").server("250 ok\n250 ok\n250 ok\n354 go\n")
                .client("x\n.\n").server("250 ok\n").bytes());
    }

    private static void httpConversations(Corpus http) {
        http.add("pipelined-chunked", new StreamScript.Writer(0)
                .client("GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\nhello\r\n0\r\nTrailer: t\r\n\r\nHEAD /c HTTP/1.1\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 100 Continue\r\n\r\n"
                        + "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n").bytes());
        http.add("put-gap", new StreamScript.Writer(0)
                .client("PUT /index.html HTTP/1.1\r\nHost: victim\r\nUser-Agent: x\r\nContent-Length: 300\r\n\r\n<html>")
                .gap(Direction.CLIENT_TO_SERVER, 200).client("</html>" + "x".repeat(87))
                .server("HTTP/1.1 204 No Content\r\n\r\n").gap(Direction.SERVER_TO_CLIENT, 10)
                .client("GET / HTTP/1.0\r\n\r\n").server("garbage\r\nHTTP/1.0 304 Not Modified\r\n\r\n").bytes());
        http.add("connect-tiny", new StreamScript.Writer(1)
                .client("CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\nX-Long: " + "y".repeat(40) + "\r\n\r\n\u0016\u0003")
                .server("HTTP/1.1 200 Connection established\r\n\r\n\u0016\u0003").bytes());
        http.add("upgrade-and-close", new StreamScript.Writer(2)
                .client("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
                .server("HTTP/1.1 101 Switching Protocols\r\n\r\n\u0081\u0005hello")
                .client("POST /x HTTP/1.0\r\nContent-Length: 10\r\n\r\nabc").bytes());
    }

    private static void mimeMessages(Corpus mime) {
        byte[] pe = new byte[300];
        pe[0] = 'M';
        pe[1] = 'Z';
        String multipart = String.join("\r\n",
                "From: a@example.com", "Subject: =?UTF-8?B?w6k=?= and =?ISO-8859-1?Q?caf=E9?=",
                "Content-Type: multipart/mixed; boundary=\"outer\"", "", "preamble", "--outer",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                "hello=20world=", "", "begin 644 inline.bin", "#86)C", "`", "end", "--outer",
                "Content-Type: application/octet-stream; name=\"a.exe\"",
                "Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC%2F..%2Fevil.exe",
                "Content-Transfer-Encoding: base64", "", Base64.getMimeEncoder().encodeToString(pe), "--outer",
                "Content-Type: multipart/alternative; boundary=inner", "", "--inner", "Content-Type: text/html", "",
                "<b>x</b>", "--inner--", "--outer", "Content-Type: message/rfc822", "",
                "Subject: inner", "Content-Type: text/plain", "Content-Disposition: attachment; filename=\"note.txt\"",
                "", "inner body", "--outer", "Content-Type: application/x-uu; name=u.bin",
                "Content-Transfer-Encoding: x-uuencode", "", "begin 600 u.bin", "#86)C", "`", "end", "--outer--",
                "epilogue", "");
        mime.add("multipart", prefixed(0, multipart.getBytes(StandardCharsets.UTF_8)));
        mime.add("multipart-tiny", prefixed(1, multipart.getBytes(StandardCharsets.UTF_8)));
        String digest = String.join("\r\n", "Content-Type: multipart/digest; boundary=d", "", "--d", "",
                "Subject: one", "", "first", "--d", "Content-Type: message/rfc822", "",
                "Content-Type: multipart/mixed; boundary=e", "", "--e", "Content-Type: image/png", "",
                "\u0089PNG", "--e--", "--d--", "");
        mime.add("digest", prefixed(0, digest.getBytes(StandardCharsets.ISO_8859_1)));
        String broken = String.join("\n", "Content-Type: multipart/mixed; boundary=\"b\"; name*0=\"a\"; name*1=\"b\"",
                "Content-Transfer-Encoding: base64", "X-Folded: a", " b", "no colon here", "", "--b",
                "Content-Type: ", "Content-Transfer-Encoding: base64", "", "!!!not base64===", "--b",
                "Content-Type: text/plain; name=\"=?utf-8?q?bad=ZZword?=\"", "", "x", "");
        mime.add("broken", prefixed(0, broken.getBytes(StandardCharsets.ISO_8859_1)));
        mime.add("broken-gap", prefixed(2, broken.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static byte[] prefixed(int config, byte[] b) {
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) config;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    /** The seeds of one target. */
    private static final class Corpus {
        private final Path dir;
        private final Map<String, byte[]> seeds = new LinkedHashMap<>();

        Corpus(String testClass, String method) {
            dir = RESOURCES.resolve("net/sguil/bridge/fuzz").resolve(testClass + "Inputs").resolve(method);
        }

        void add(String name, byte[] seed) {
            String base = "seed-" + name.replaceAll("[^A-Za-z0-9.-]", "_");
            String n = base;
            for (int i = 2; seeds.containsKey(n); i++) {
                n = base + "-" + i;
            }
            seeds.put(n, seed);
        }

        void write() throws IOException {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith("seed-")).toList()) {
                    Files.delete(p);
                }
            }
            long total = 0;
            for (Map.Entry<String, byte[]> s : seeds.entrySet()) {
                Files.write(dir.resolve(s.getKey()), s.getValue());
                total += s.getValue().length;
            }
            System.out.printf("%s: %d seeds, %d bytes%n", dir, seeds.size(), total);
        }
    }
}
