package net.sguil.bridge.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The floor of attachment extraction: the work no extractor can skip, done by the JDK's own code
 * on one thread over the attachments of a bench capture ({@link Manifest}): MD5, SHA-1 and SHA-256
 * ({@link MessageDigest}, with the CPU's intrinsics) over every decoded byte, and the MIME base64
 * decoder ({@link Base64#getMimeDecoder()}) over every base64 body. The files are recreated from
 * their recipes outside the timed sections. Timed as thread CPU time; prints the best pass of
 * {@code PASSES} after a warm-up, and checks every hash against the manifest.
 * Usage: FloorBench MANIFEST [PASSES]
 */
public final class FloorBench {
    private static final int BUFFER = 64 * 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FloorBench() {
    }

    public static void main(String[] args) throws IOException {
        List<Manifest.Entry> entries = Manifest.read(Path.of(args[0]));
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        warmUp(entries);
        long[] best = null;
        for (int p = 0; p < passes; p++) {
            long[] t = pass(entries);
            if (best == null || t[0] + t[1] < best[0] + best[1]) {
                best = t;
            }
        }
        long decoded = entries.stream().mapToLong(Manifest.Entry::size).sum();
        long base64 = entries.stream().filter(e -> e.attachment().encoding().equals(BenchAttachment.BASE64))
                .mapToLong(Manifest.Entry::size).sum();
        System.out.printf("floor: %.2f CPU-s = digests %.2f s (MD5+SHA-1+SHA-256 over %.0f MB decoded) "
                        + "+ base64 %.2f s (JDK MIME decoder, %.0f MB decoded); %d attachments, best of %d%n",
                (best[0] + best[1]) / 1e9, best[0] / 1e9, decoded / 1048576.0, best[1] / 1e9, base64 / 1048576.0,
                entries.size(), passes);
    }

    /** The JIT compiles the digests and the decoder before anything is timed. */
    private static void warmUp(List<Manifest.Entry> entries) throws IOException {
        long done = 0;
        for (Manifest.Entry e : entries) {
            if (done > 64 << 20) {
                return;
            }
            work(e);
            done += e.size();
        }
    }

    /** {digest nanoseconds, base64 nanoseconds} of one pass over every attachment. */
    private static long[] pass(List<Manifest.Entry> entries) throws IOException {
        long[] t = new long[2];
        for (Manifest.Entry e : entries) {
            long[] w = work(e);
            t[0] += w[0];
            t[1] += w[1];
        }
        return t;
    }

    private static long[] work(Manifest.Entry e) throws IOException {
        byte[] file = e.attachment().decodedBytes();
        long base64 = 0;
        if (e.attachment().encoding().equals(BenchAttachment.BASE64)) {
            byte[] encoded = readAll(e.attachment().encoded(e.attachment().decoded()));
            long t0 = THREADS.getCurrentThreadCpuTime();
            file = Base64.getMimeDecoder().decode(encoded);
            base64 = THREADS.getCurrentThreadCpuTime() - t0;
        }
        MessageDigest md5 = Manifest.digest("MD5");
        MessageDigest sha1 = Manifest.digest("SHA-1");
        MessageDigest sha256 = Manifest.digest("SHA-256");
        long t0 = THREADS.getCurrentThreadCpuTime();
        for (int off = 0; off < file.length; off += BUFFER) {
            int n = Math.min(BUFFER, file.length - off);
            md5.update(file, off, n);
            sha1.update(file, off, n);
            sha256.update(file, off, n);
        }
        byte[][] sums = {md5.digest(), sha1.digest(), sha256.digest()};
        long digests = THREADS.getCurrentThreadCpuTime() - t0;
        HexFormat hex = HexFormat.of();
        if (file.length != e.size() || !hex.formatHex(sums[0]).equals(e.md5()) || !hex.formatHex(sums[1]).equals(e.sha1())
                || !hex.formatHex(sums[2]).equals(e.sha256())) {
            throw new IllegalStateException(e.attachment().name() + " does not match the manifest");
        }
        return new long[] {digests, base64};
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
