package net.sguil.bridge.realsguild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The alerts the counting rule turns into one conclusion each, and those conclusions. */
final class Scenarios {
    private Scenarios() {
    }

    /** {@code n} alerts for the counting rule from {@code start}, a hundred to a second of alert time. */
    static List<SnortAgent.Alert> countedAlerts(int n, Instant start) {
        List<SnortAgent.Alert> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SnortAgent.Alert(Site.COUNTED, 2_000_001, start.plusSeconds(i / 100), "192.0.2." + (1 + i % 250),
                    30_000 + i, "10.1.1.99", 22));
        }
        return out;
    }

    static List<Conclusion> countConclusions(List<SnortAgent.Stored> alerts) {
        return alerts.stream().map(s -> new Conclusion("REALSGUILD COUNT [" + s.key() + "]", null)).toList();
    }
}
