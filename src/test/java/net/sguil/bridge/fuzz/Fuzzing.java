package net.sguil.bridge.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the fuzz targets and their input formats share. */
final class Fuzzing {
    private Fuzzing() {
    }

    /** An invariant: a plain assertion, so that it fails whether or not the JVM runs with -ea. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    /** A time step byte: bit 7 clear, that many milliseconds; set, the low 7 bits times 10 seconds. */
    static long stepNanos(int step) {
        return (step & 0x80) == 0 ? step * 1_000_000L : (step & 0x7f) * 10_000_000_000L;
    }

    /** The step byte nearest to {@code nanos} of capture time. */
    static int stepByte(long nanos) {
        long ms = Math.max(0, nanos / 1_000_000);
        return ms < 128 ? (int) ms : 0x80 | (int) Math.min(0x7f, ms / 10_000);
    }

    /** A new directory for one JVM's scratch files, in memory where the machine has /dev/shm. */
    static Path scratchDirectory(String prefix) {
        try {
            Path shm = Path.of("/dev/shm");
            Path d = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, prefix)
                    : Files.createTempDirectory(prefix);
            d.toFile().deleteOnExit();
            return d.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
