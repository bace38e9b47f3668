package net.sguil.bridge.testpcap;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic captures of cheap, well-formed traffic that costs a passive analyser memory
 * (issue 11), each followed by one ordinary SMTP session with an attachment whose SHA-256 the test
 * knows ({@link #TRAILING_SHA256}): written streaming, gzip-compressed, so a million connections fit
 * a few megabytes.
 * <pre>{@code
 * Floods.write(Floods.Kind.SYN, 250_000, dir.resolve("syn.pcap.gz"));
 * }</pre>
 * Usage as a program (bench/flood.sh): {@code Floods KIND CONNECTIONS OUT.pcap.gz}.
 */
public final class Floods {
    public enum Kind {
        /** A SYN and nothing more, from a different client port (and address) each time. */
        SYN,
        /** An SMTP session that enters DATA, sends 1 KB of message and stalls: no end of data, no FIN. */
        SMTP_STALLED,
        /** A connection whose first 1,460 bytes are lost, so the 4 KB after them are held out of order. */
        OUT_OF_ORDER
    }

    /** The attachment the trailing session carries, and its hash. */
    public static final byte[] TRAILING_FILE = trailingFile();
    public static final String TRAILING_SHA256 = sha256(TRAILING_FILE);
    public static final String TRAILING_NAME = "after-the-flood.bin";

    private static final long START = 1_150_990_039_000_000_000L;
    /** Capture time taken by each flood connection (the whole flood stays well inside the idle timeout). */
    private static final long SLOT_NANOS = 20_000;

    private Floods() {
    }

    public static void main(String[] args) throws IOException {
        Kind kind = Kind.valueOf(args[0].toUpperCase(Locale.ROOT).replace('-', '_'));
        int n = Integer.parseInt(args[1]);
        long packets = write(kind, n, Path.of(args[2]));
        System.out.println("kind=" + kind.name().toLowerCase(Locale.ROOT) + " connections=" + n + " packets=" + packets
                + " trailing_sha256=" + TRAILING_SHA256);
    }

    /** Writes {@code connections} flood connections of {@code kind}, then the trailing session. @return packets written */
    public static long write(Kind kind, int connections, Path file) throws IOException {
        long packets = 0;
        try (PcapWriter w = PcapWriter.builder().gzip().open(file)) {
            for (int i = 0; i < connections; i++) {
                packets += writeAll(w, flood(kind, i, START + i * SLOT_NANOS));
            }
            packets += writeAll(w, trailing(START + (long) connections * SLOT_NANOS + 1_000_000));
        }
        return packets;
    }

    private static long writeAll(PcapWriter w, TcpSessionBuilder b) throws IOException {
        long n = 0;
        for (Packet p : b.build()) {
            w.write(p);
            n++;
        }
        return n;
    }

    private static TcpSessionBuilder flood(Kind kind, int i, long start) {
        String client = "10." + (64 + (i >> 16 & 0x3f)) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
        TcpSessionBuilder b = TcpSessionBuilder.ipv4(client, 1024 + i % 60000, "192.168.1.25",
                kind == Kind.OUT_OF_ORDER ? 8080 : 25).start(start).step(Duration.ofNanos(1000));
        switch (kind) {
            case SYN -> {
                b.handshake();
                b.dropSegment(2).dropSegment(1);
            }
            case SMTP_STALLED -> {
                b.handshake().server("220 mx.example.com ESMTP\r\n").client("EHLO c" + i + "\r\n")
                        .server("250 mx.example.com\r\n").client("MAIL FROM:<flood" + i + "@example.org>\r\n")
                        .server("250 ok\r\n").client("RCPT TO:<victim@example.com>\r\n").server("250 ok\r\n")
                        .client("DATA\r\n").server("354 go ahead\r\n").client(filler(1024, i));
            }
            case OUT_OF_ORDER -> {
                b.handshake().client(filler(1460 + 4096, i));
                b.dropSegment(3);
            }
        }
        return b;
    }

    /** Printable bytes without a line that is a lone dot, ending in CRLF. */
    private static byte[] filler(int n, int seed) {
        byte[] b = new byte[n];
        for (int j = 0; j < n; j++) {
            b[j] = (byte) ('a' + (j * 7 + seed) % 26);
        }
        for (int j = 76; j < n - 2; j += 78) {
            b[j] = '\r';
            b[j + 1] = '\n';
        }
        b[n - 2] = '\r';
        b[n - 1] = '\n';
        return b;
    }

    /** An ordinary session after the flood: one message with one base64 attachment. */
    private static TcpSessionBuilder trailing(long start) {
        String message = "From: alice@example.org\r\nTo: bob@example.com\r\nSubject: after the flood\r\n"
                + "Message-ID: <trailing@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
                + "--XX\r\nContent-Type: text/plain\r\n\r\nStill here.\r\n"
                + "--XX\r\nContent-Type: application/octet-stream; name=\"" + TRAILING_NAME + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + TRAILING_NAME + "\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(TRAILING_FILE) + "\r\n--XX--\r\n";
        return TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).start(start).handshake()
                .server("220 mx.example.com ESMTP\r\n").client("EHLO client\r\n").server("250 mx\r\n")
                .client("MAIL FROM:<alice@example.org>\r\n").server("250 ok\r\n")
                .client("RCPT TO:<bob@example.com>\r\n").server("250 ok\r\n")
                .client("DATA\r\n").server("354 go\r\n")
                .client(message + ".\r\n").server("250 queued\r\n")
                .client("QUIT\r\n").server("221 bye\r\n").finish();
    }

    private static byte[] trailingFile() {
        byte[] b = new byte[20_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 131 + (i >> 7));
        }
        return b;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
