package net.sguil.bridge.rules;

import java.util.Collection;
import java.util.Arrays;

/** Arithmetic for the trending rules; static so DRL can call it. */
public final class Trending {
    private Trending() {
    }

    /**
     * Median of {@code slots} periods given the counts of those that had any: periods missing from
     * {@code counts} count as zero (a quiet day is part of the baseline). With an even number of
     * slots, the mean of the two middle values.
     */
    public static double median(Collection<? extends Number> counts, int slots) {
        int n = Math.max(slots, counts.size());
        if (n == 0) {
            return 0;
        }
        double[] v = new double[n];
        int i = n - counts.size();
        for (Number c : counts) {
            v[i++] = c.doubleValue();
        }
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
