package net.sguil.bridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.PcapWriter;
import net.sguil.bridge.testpcap.TcpSessionBuilder;

/**
 * Writes a deterministic capture of HTTP sessions (downloads of 512 bytes to 1 MB, some chunked, some
 * keep-alive with several requests, POST uploads) with a known number of PUT defacement attempts,
 * mixed, unless {@code --http-only}, with the SMTP sessions of {@link SmtpBenchCapture} (about a
 * third of the bytes). Every PUT comes from its own client address, so each yields exactly one
 * event of drl/put-defacement.drl. Prints the counts.
 * Usage: HttpBenchCapture OUT.pcap SIZE_MB [--http-only]
 */
public final class HttpBenchCapture {
    private static final String UPLOAD = "<html><body><h1>hacked by spykids</h1>" + "spykids".repeat(300) + "</body></html>";

    private HttpBenchCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        boolean httpOnly = args.length > 2 && args[2].equals("--http-only");
        Random r = new Random(20060622);
        long written = 24;
        long t = 1_150_990_039_000_000_000L;
        int http = 0;
        int smtp = 0;
        int puts = 0;
        int accepted = 0;
        int transactions = 0;
        try (PcapWriter w = PcapWriter.open(out)) {
            while (written < target) {
                t += 200_000_000L;
                if (!httpOnly && r.nextInt(20) == 0) {
                    smtp++;
                    int size = 10_000 + (int) (Math.pow(r.nextDouble(), 2) * 5_000_000);
                    written += SmtpBenchCapture.writeSession(w, smtp, MailCorpus.message(r, smtp, size), t);
                    continue;
                }
                http++;
                TcpSessionBuilder b;
                int kind = r.nextInt(100);
                if (kind < 5) {
                    puts++;
                    boolean ok = r.nextBoolean();
                    accepted += ok ? 1 : 0;
                    b = putSession(puts, ok, r.nextBoolean(), t);
                    transactions += 2;
                } else {
                    b = browse(r, http, t);
                    transactions += kind < 60 ? 1 : 3;
                    if (kind >= 60) {
                        browseMore(b, r);
                    }
                }
                written += write(w, b.finish());
            }
        }
        System.out.println("http_sessions=" + http + " smtp_sessions=" + smtp + " attachments=" + smtp
                + " http_transactions=" + transactions + " put_attempts=" + puts + " put_succeeded=" + accepted
                + " put_refused=" + (puts - accepted) + " expected_put_events=" + puts);
    }

    /** A GET, then the PUT of a defacement page: accepted (201) or refused (405). */
    private static TcpSessionBuilder putSession(int n, boolean accepted, boolean chunkedAnswer, long start) {
        String body = UPLOAD;
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.66." + (n >> 8 & 0xff) + "." + (n & 0xff), 2000 + n % 60000,
                "192.168.1.80", 80).start(start).step(Duration.ofNanos(20_000)).handshake()
                .client("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
                .client("PUT /index.html HTTP/1.0\r\nAccept-Language: en-us;q=0.5\r\nTranslate: f\r\n"
                        + "Content-Length: " + body.length() + "\r\nUser-Agent: Microsoft Data Access Internet "
                        + "Publishing Provider DAV 1.1\r\nHost: www.example.com\r\n\r\n" + body);
        if (accepted) {
            b.server("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        } else if (chunkedAnswer) {
            b.server("HTTP/1.1 405 Method Not Allowed\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nno PUTs.\n\r\n0\r\n\r\n");
        } else {
            b.server("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
        }
        return b;
    }

    private static TcpSessionBuilder browse(Random r, int n, long start) {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("172.16." + (n >> 8 & 0xff) + "." + (n & 0xff), 1024 + n % 60000,
                "192.168.1." + (1 + n % 200), r.nextInt(10) == 0 ? 8080 : 80).start(start)
                .step(Duration.ofNanos(10_000)).handshake();
        exchange(b, r);
        return b;
    }

    private static void browseMore(TcpSessionBuilder b, Random r) {
        if (r.nextBoolean()) {
            String form = "q=" + "x".repeat(r.nextInt(4000));
            b.client("POST /search HTTP/1.1\r\nHost: www.example.com\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length() + "\r\n\r\n" + form)
                    .server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        } else {
            exchange(b, r);
        }
        exchange(b, r);
    }

    private static void exchange(TcpSessionBuilder b, Random r) {
        int size = 512 + (int) (Math.pow(r.nextDouble(), 4) * 1_000_000);
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ('a' + r.nextInt(26)));
        b.client("GET /files/" + size + ".bin HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: bench/1.0\r\n"
                + "Accept: */*\r\n\r\n");
        if (r.nextInt(4) == 0) {
            b.server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int off = 0; off < size; off += 16384) {
                int n = Math.min(16384, size - off);
                b.server((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                b.server(Arrays.copyOfRange(content, off, off + n));
                b.server("\r\n");
            }
            b.server("0\r\n\r\n");
        } else {
            b.server("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + size + "\r\n\r\n");
            b.server(content);
        }
    }

    private static long write(PcapWriter w, TcpSessionBuilder b) throws IOException {
        long bytes = 0;
        for (Packet p : b.build()) {
            w.writePacket(0, p.tsNanos(), p.frame(), p.originalLength());
            bytes += 16 + p.frame().length;
        }
        return bytes;
    }
}
