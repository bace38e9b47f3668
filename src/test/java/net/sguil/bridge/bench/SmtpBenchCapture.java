package net.sguil.bridge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.PcapWriter;
import net.sguil.bridge.testpcap.TcpSessionBuilder;

/**
 * Writes a deterministic capture of SMTP sessions, each carrying one attachment of 10 KB to 5 MB,
 * until the file reaches the requested size. Prints the number of sessions (= attachments).
 * Usage: SmtpBenchCapture OUT.pcap SIZE_MB
 */
public final class SmtpBenchCapture {
    private SmtpBenchCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        Random r = new Random(20061122);
        long written = 24;
        int n = 0;
        long t = 1_150_990_039_000_000_000L;
        try (PcapWriter w = PcapWriter.open(out)) {
            while (written < target) {
                n++;
                int size = 10_000 + (int) (Math.pow(r.nextDouble(), 2) * 5_000_000);
                written += writeSession(w, n, MailCorpus.message(r, n, size), t);
                t += 2_000_000_000L;
            }
        }
        System.out.println("sessions=" + n + " attachments=" + n);
    }

    static long writeSession(PcapWriter w, int n, byte[] message, long startNanos) throws IOException {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.1." + (n >> 8 & 0xff) + "." + (n & 0xff), 1024 + n % 60000,
                "192.168.1.25", 25).start(startNanos).step(java.time.Duration.ofNanos(10_000)).handshake()
                .server("220 mx.example.com ESMTP\r\n");
        String[] replies = {"250 mx.example.com\r\n", "250 ok\r\n", "250 ok\r\n", "354 go ahead\r\n",
            "250 queued\r\n", "221 bye\r\n"};
        String[] lines = MailCorpus.dialogue(n, message);
        for (int i = 0; i < lines.length; i++) {
            b.client(lines[i]).server(replies[i]);
        }
        b.finish();
        long bytes = 0;
        for (Packet p : b.build()) {
            w.writePacket(0, p.tsNanos(), p.frame(), p.originalLength());
            bytes += 16 + p.frame().length;
        }
        return bytes;
    }
}
