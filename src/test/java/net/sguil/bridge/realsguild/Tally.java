package net.sguil.bridge.realsguild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, per expected conclusion, the events sguild stored for it: exactly once is the only
 * passing count; lost (0), repeated (&gt;1) and unexpected events are listed by name.
 */
final class Tally {
    private final Map<Conclusion, Integer> counts = new LinkedHashMap<>();
    private final List<SguildTables.StoredEvent> unexpected = new ArrayList<>();

    Tally(Collection<Conclusion> expected, List<SguildTables.StoredEvent> stored) {
        expected.forEach(c -> counts.put(c, 0));
        for (SguildTables.StoredEvent e : stored) {
            boolean known = false;
            for (Conclusion c : expected) {
                if (c.matches(e)) {
                    counts.merge(c, 1, Integer::sum);
                    known = true;
                }
            }
            if (!known) {
                unexpected.add(e);
            }
        }
    }

    List<Conclusion> lost() {
        return counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    List<Conclusion> repeated() {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    boolean complete() {
        return lost().isEmpty();
    }

    /** Fails unless every expected conclusion is stored exactly once and nothing else is. */
    void assertExactlyOnce() {
        if (lost().isEmpty() && repeated().isEmpty() && unexpected.isEmpty()) {
            return;
        }
        throw new AssertionError(summary());
    }

    String summary() {
        StringBuilder sb = new StringBuilder().append(counts.size()).append(" conclusions expected: lost ")
                .append(lost().size()).append(", repeated ").append(repeated().size()).append(", unexpected events ")
                .append(unexpected.size());
        lost().forEach(c -> sb.append("\n  lost: ").append(c));
        repeated().forEach(c -> sb.append("\n  repeated ").append(counts.get(c)).append("x: ").append(c));
        unexpected.forEach(e -> sb.append("\n  unexpected: cid ").append(e.cid()).append(' ').append(e.signature()));
        return sb.toString();
    }
}
