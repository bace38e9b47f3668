package net.sguil.bridge.weird;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Named, counted protocol anomalies, in the manner of Zeek's "weirds": a parser that meets
 * something odd counts it here and carries on, instead of throwing. What can be counted is declared
 * once per layer ({@link Weird}); counts are read back by name, as reports show them. Thread-safe.
 */
public final class Weirds {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(Weird w) {
        counts.computeIfAbsent(w.id(), k -> new LongAdder()).increment();
    }

    public long get(Weird w) {
        return get(w.id());
    }

    /** The count of a weird by its {@link Weird#id() id}, as reports show it. */
    public long get(String name) {
        LongAdder a = counts.get(name);
        return a == null ? 0 : a.sum();
    }

    /** Adds counts as a report gives them, by {@link Weird#id() id}: the sum over many captures. */
    public void addAll(Map<String, Long> counted) {
        counted.forEach((id, n) -> counts.computeIfAbsent(id, k -> new LongAdder()).add(n));
    }

    /** A sorted snapshot of every non-zero count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
