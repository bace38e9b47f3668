package net.sguil.bridge.pcap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.sguil.bridge.testpcap.PcapWriter;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import net.sguil.bridge.weird.Weirds;

/**
 * Read + decode throughput of the packet layer.
 * <pre>
 *   java -cp target/classes:target/test-classes net.sguil.bridge.pcap.DecodeThroughputMain FILE
 *   java -cp target/classes:target/test-classes net.sguil.bridge.pcap.DecodeThroughputMain --generate FILE MB
 * </pre>
 * The second form writes a deterministic capture of full-size TCP segments (1 MB sessions).
 */
public final class DecodeThroughputMain {
    private DecodeThroughputMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--generate")) {
            generate(Path.of(args[1]), Long.parseLong(args[2]) << 20);
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: DecodeThroughputMain FILE | --generate FILE MB");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        for (int run = 1; run <= 3; run++) {
            measure(file, run);
        }
    }

    private static void measure(Path file, int run) throws IOException {
        long[] payload = new long[2];
        Weirds weirds = new Weirds();
        PacketDecoder decoder = new PacketDecoder(PcapLimits.defaults(), weirds, s -> {
            payload[0]++;
            payload[1] += s.dataLength;
        });
        long packets = 0;
        long start = System.nanoTime();
        try (PacketSource src = CaptureFiles.open(file)) {
            RawPacket p = new RawPacket();
            while (src.next(p)) {
                decoder.decode(p);
                packets++;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double mb = Files.size(file) / 1e6;
        System.out.printf("run %d: %.0f MB in %.2f s: %.0f MB/s, %.0f packets/s (%d TCP segments, %d payload bytes, weirds %s)%n",
                run, mb, secs, mb / secs, packets / secs, payload[0], payload[1], weirds.snapshot());
    }

    private static void generate(Path file, long bytes) throws IOException {
        Random r = new Random(1);
        byte[] body = new byte[1 << 20];
        r.nextBytes(body);
        long written = 0;
        long start = 1_767_225_600_000_000_000L;
        try (PcapWriter w = PcapWriter.open(file)) {
            for (int i = 0; written < bytes; i++) {
                TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.1." + (i >> 8 & 255) + "." + (i & 255), 1024 + i % 60000,
                        "10.2.0.1", 25).start(start + i * 1_000_000_000L).handshake().client("DATA\r\n").server(body).finish();
                for (var p : b.build()) {
                    w.write(p);
                    written += p.frame().length + 16;
                }
            }
        }
    }
}
