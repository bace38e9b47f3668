package net.sguil.bridge.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

/**
 * Single-thread base64 decoding speed on 64 MB of MIME base64 (76 columns, CRLF): the JDK's MIME
 * decoder ({@code decode(byte[], byte[])}, no allocation) and {@link Base64DecodingStream}, read
 * in 64 KB reads as the attachment store reads. The two are timed in turns, so a neighbour's load falls on all of them alike; prints MB/s of decoded
 * output at the best and the median pass, by thread CPU time, and checks every output.
 * Run by {@code bench/base64.sh}. Usage: Base64Bench [PASSES] [MB]
 */
public final class Base64Bench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int READ = 64 * 1024;

    private Base64Bench() {
    }

    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        byte[] data = new byte[mb * 3 / 4 * 1024 * 1024];
        new Random(13).nextBytes(data);
        byte[] encoded = Base64.getMimeEncoder().encode(data);
        byte[] out = new byte[data.length];
        String[] names = {"JDK getMimeDecoder().decode(byte[], byte[])", "Base64DecodingStream"};
        long[][] cpu = new long[names.length][passes];
        for (int p = -2; p < passes; p++) { // two passes of warm-up
            for (int d = 0; d < names.length; d++) {
                Arrays.fill(out, (byte) 0);
                long t0 = THREADS.getCurrentThreadCpuTime();
                int n = d == 0 ? Base64.getMimeDecoder().decode(encoded, out)
                        : drain(new Base64DecodingStream(new ByteArrayInputStream(encoded)), out);
                long t = THREADS.getCurrentThreadCpuTime() - t0;
                if (n != data.length || !Arrays.equals(out, data)) {
                    throw new IllegalStateException(names[d] + " decoded wrong bytes");
                }
                if (p >= 0) {
                    cpu[d][p] = t;
                }
            }
        }
        System.out.printf("input: %.1f MB of 76-column CRLF base64, %.1f MB decoded; %d passes each, in turns; %s %s%n",
                encoded.length / 1048576.0, data.length / 1048576.0, passes, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        for (int d = 0; d < names.length; d++) {
            long[] t = cpu[d].clone();
            Arrays.sort(t);
            long best = t[0];
            long median = t[t.length / 2];
            System.out.printf("%-46s best %6.0f MB/s (%.3f CPU-s), median %6.0f MB/s (%.3f CPU-s)%n", names[d] + ":",
                    data.length / 1048576.0 / (best / 1e9), best / 1e9, data.length / 1048576.0 / (median / 1e9),
                    median / 1e9);
        }
    }

    private static int drain(InputStream in, byte[] out) throws IOException {
        int off = 0;
        while (true) {
            int n = in.read(out, off, Math.min(READ, out.length - off));
            if (n <= 0) {
                return n < 0 || off == out.length && in.read() < 0 ? off : -1;
            }
            off += n;
        }
    }
}
