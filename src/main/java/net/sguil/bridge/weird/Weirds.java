package net.sguil.bridge.weird;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Named, counted protocol anomalies, in the manner of Zeek's "weirds": a parser that meets
 * something odd counts it here and carries on, instead of throwing. Names are short
 * snake_case words prefixed by the layer, e.g. {@code pcap.snaplen_cut}, {@code tcp.overlap_conflict}.
 * Thread-safe.
 */
public final class Weirds {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String name) {
        add(name, 1);
    }

    public void add(String name, long n) {
        counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    public long get(String name) {
        LongAdder a = counts.get(name);
        return a == null ? 0 : a.sum();
    }

    /** A sorted snapshot of every non-zero count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void addAll(Weirds other) {
        other.counts.forEach((k, v) -> counts.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
    }
}
