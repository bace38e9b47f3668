package net.sguil.bridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sguil.bridge.http.HttpExchange;
import net.sguil.bridge.http.HttpFlow;
import net.sguil.bridge.http.HttpLimits;
import net.sguil.bridge.http.HttpSessionParser;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.tcp.StreamHandlerFactory;
import net.sguil.bridge.tcp.TcpLimits;
import net.sguil.bridge.tcp.TcpReassembler;
import net.sguil.bridge.weird.Weirds;

/**
 * Throughput of the HTTP analyzer on a capture (e.g. one written by {@link SensorCapture} with
 * {@code --http-only}): one pass of packets and TCP reassembly alone, one with an
 * {@link HttpSessionParser} on every connection; prints MB/s of pcap for both and the transactions found.
 * Usage: HttpAnalyzerBench FILE.pcap
 */
public final class HttpAnalyzerBench {
    private HttpAnalyzerBench() {
    }

    public static void main(String[] args) throws IOException {
        Path pcap = Path.of(args[0]);
        double mb = Files.size(pcap) / 1048576.0;
        long[] found = {0, 0};
        Weirds weirds = new Weirds();
        StreamHandlerFactory http = c -> new HttpSessionParser(HttpLimits.defaults(), HttpFlow.of(c),
                (HttpExchange t) -> {
                    found[0]++;
                    if (t.requestStart().startsWith("PUT ")) {
                        found[1]++;
                    }
                }, weirds);
        double base = Double.MAX_VALUE;
        double full = Double.MAX_VALUE;
        // Best of three passes each, alternating, after a warm-up: the page cache and the JIT settle.
        run(pcap, c -> null);
        for (int i = 0; i < 3; i++) {
            found[0] = 0;
            found[1] = 0;
            long t0 = System.nanoTime();
            run(pcap, c -> null);
            base = Math.min(base, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            run(pcap, http);
            full = Math.min(full, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("pcap+tcp only: %.0f MB in %.2f s = %.0f MB/s%n", mb, base, mb / base);
        System.out.printf("pcap+tcp+http: %.0f MB in %.2f s = %.0f MB/s; %d transactions, %d PUT; http parser alone ~%.0f MB/s%n",
                mb, full, mb / full, found[0], found[1], mb / Math.max(1e-9, full - base));
        System.out.println("http weirds (3 passes): " + weirds.snapshot());
    }

    private static void run(Path pcap, StreamHandlerFactory factory) throws IOException {
        Weirds weirds = new Weirds();
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults(), weirds, factory);
        PacketDecoder d = new PacketDecoder(PcapLimits.defaults(), weirds, r);
        try (PacketSource s = CaptureFiles.open(pcap)) {
            RawPacket p = new RawPacket();
            while (s.next(p)) {
                d.decode(p);
            }
        }
        r.finish();
    }
}
