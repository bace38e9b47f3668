package net.sguil.bridge.realsguild;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, scenario "a fresh state directory on a database with history": a bridge has reported
 * PUTs and the day's trending spike; its state directory is lost; the new bridge (with
 * {@code reader.start_at_now} as shipped) replays the history to rebuild its
 * baselines and must not report any of it again. A PUT arriving afterwards is reported once; its
 * analysis queues behind anything the replay asked for, so when its event is in sguild, the
 * replay's consequences are too.
 */
class FreshStateTest {
    private static final String SCAN = "SCAN nmap XMAS";

    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    @Test
    void aFreshStateDirectoryReportsNothingOfTheHistoryAgain() throws Exception {
        Instant t0 = Instant.now().minus(4, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (Site site = SGUILD.site(dir, "e")) {
            site.set("trending.min_count", "5");
            BridgeProcess first = site.start();
            List<SensorTraffic.Put> puts = site.traffic.puts("e", 3, t0);
            for (SensorTraffic.Put p : puts) {
                site.snort().send(p.alert());
            }
            for (int i = 0; i < 6; i++) {
                site.snort().send(new SnortAgent.Alert(SCAN, 2_000_100, t0.plusSeconds(10 + i), "192.0.2.66", 40_000 + i,
                        "10.1.1.7", 80));
            }
            List<Conclusion> expected = new ArrayList<>();
            puts.forEach(p -> expected.add(p.conclusion()));
            expected.add(new Conclusion("BRIDGE TRENDING signature spike: " + SCAN, null));
            site.finish(first, expected).assertExactlyOnce();

            site.set("state.dir", "state-after-loss").set("reader.start_at_now", null);
            BridgeProcess second = site.start();
            second.awaitEventPosition();
            SensorTraffic.Put marker = site.traffic.puts("e-after", 1, t0.plusSeconds(60)).get(0);
            site.snort().send(marker.alert());
            expected.add(marker.conclusion());
            site.finish(second, expected).assertExactlyOnce();
        }
    }
}
