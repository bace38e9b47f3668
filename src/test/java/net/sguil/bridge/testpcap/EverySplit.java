package net.sguil.bridge.testpcap;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * A parser fed a script once for every cut position: run {@code k} cuts each step once, after its
 * {@code k}-th byte (steps no longer than that go whole), so every byte boundary of every step is a
 * segment boundary in some run.
 */
public final class EverySplit {
    private EverySplit() {
    }

    /** Calls {@code run} with each cut position 1 .. the longest step's length. */
    public static void run(List<byte[]> steps, IntConsumer run) {
        int longest = steps.stream().mapToInt(b -> b.length).max().orElse(1);
        for (int k = 1; k <= longest; k++) {
            run.accept(k);
        }
    }

    /** Length of the piece to feed at offset {@code i} of a step of {@code length} bytes cut after byte {@code k}. */
    public static int piece(int k, int i, int length) {
        return i == 0 ? Math.min(k, length) : length - i;
    }
}
