package net.sguil.bridge.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Per-day counts of a signature against the median of the days before, so that a jump ("3 a day, then
 * 2006") stands out. The median rather than the mean keeps one burst from hiding the next.
 */
public final class SignatureTrend {
    public static final int MAX_DAYS = 366;

    private SignatureTrend() {
    }

    /**
     * @param counts alerts per UTC day (days absent count 0)
     * @param first  first day to report, or null for the first day with a count
     * @param last   last day to report, or null for the last day with a count
     * @param days   how many previous days the median looks at
     */
    public static List<TrendRow> compute(Map<LocalDate, Long> counts, LocalDate first, LocalDate last, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1.." + MAX_DAYS);
        }
        NavigableMap<LocalDate, Long> c = new TreeMap<>(counts);
        c.values().removeIf(v -> v == 0);
        LocalDate from = first != null ? first : c.isEmpty() ? null : c.firstKey();
        LocalDate to = last != null ? last : c.isEmpty() ? null : c.lastKey();
        List<TrendRow> out = new ArrayList<>();
        if (from == null || to == null) {
            return out;
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] before = new long[days];
            for (int i = 0; i < days; i++) {
                before[i] = c.getOrDefault(d.minusDays(i + 1L), 0L);
            }
            double median = median(before);
            long n = c.getOrDefault(d, 0L);
            out.add(new TrendRow(d, n, median, n / Math.max(median, 1.0)));
        }
        return out;
    }

    static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
    }
}
