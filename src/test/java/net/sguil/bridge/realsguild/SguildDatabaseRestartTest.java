package net.sguil.bridge.realsguild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, scenario "sguild's MariaDB restarted alone": sguild keeps its dead database handle and
 * answers every event with {@code Failed {mysqlexec/db server: Lost connection…}} or
 * {@code … Server has gone away} until it is restarted itself. What the bridge concluded meanwhile
 * must reach sguild, once, when sguild has been restarted.
 */
class SguildDatabaseRestartTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    @Test
    void conclusionsRefusedByASguildWithADeadDatabaseHandleArriveOnceAfterItsRestart() throws Exception {
        SguildHarness sguild = SGUILD.harness();
        Instant t0 = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (Site site = SGUILD.site(dir, "d")) {
            Site.Running running = site.startAndDeliver(5, t0);
            BridgeProcess bridge = running.bridge();
            List<Conclusion> expected = running.expected();
            sguild.restartDatabase();
            expected.addAll(site.storeBehindSguild("d", 10, t0.plusSeconds(30)));
            Await.until("the bridge to conclude everything and sguild to refuse it",
                    () -> bridge.statusNumber("rules.concluded") >= expected.size() && refusedBySguild(sguild));
            sguild.restartSguild();
            site.finish(bridge, expected).assertExactlyOnce();
        }
    }

    private static boolean refusedBySguild(SguildHarness sguild) {
        try {
            return Files.readString(sguild.log()).contains("Failed {mysqlexec/db server: Server has gone away}");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
