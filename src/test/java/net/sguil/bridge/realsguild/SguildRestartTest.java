package net.sguil.bridge.realsguild;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, scenario "sguild restart": sguild stops while the bridge keeps concluding (its
 * conclusions wait in the outbox), comes back, and is restarted once more while a burst is being
 * delivered. Every conclusion is in sguild once.
 */
class SguildRestartTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    @Test
    void sguildStoppedAndRestartedEveryConclusionArrivesOnce() throws Exception {
        SguildHarness sguild = SGUILD.harness();
        Instant t0 = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (Site site = SGUILD.site(dir, "c")) {
            Site.Running running = site.startAndDeliver(20, t0);
            BridgeProcess bridge = running.bridge();
            List<Conclusion> expected = running.expected();

            // sguild away: Snort's alerts reach the database by another writer, the bridge concludes and waits
            sguild.stopSguild();
            expected.addAll(site.storeBehindSguild("c", 20, t0.plusSeconds(30)));
            Await.until("the bridge to conclude while sguild is away",
                    () -> bridge.statusNumber("rules.concluded") >= expected.size());
            sguild.startSguild();
            site.snort().reconnect();
            site.awaitConclusions(bridge, expected);

            // restarted again while a burst is on its way
            List<SnortAgent.Stored> burst = site.snort().sendAll(Scenarios.countedAlerts(200, t0.plusSeconds(60)));
            sguild.restartSguild();
            expected.addAll(Scenarios.countConclusions(burst));
            site.finish(bridge, expected).assertExactlyOnce();
        }
    }
}
