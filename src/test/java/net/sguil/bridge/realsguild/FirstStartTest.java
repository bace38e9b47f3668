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
 * Issue 10, scenario "first start with rows arriving at once": the bridge's very first start, with
 * {@code reader.start_at_now} as shipped, while Snort's alerts keep arriving. What arrived before
 * the start is skipped, but every alert stored after the bridge has begun to run (its first log
 * line) must be read: the position is taken when the daemon starts, not when it first polls.
 */
class FirstStartTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    @Test
    void alertsStoredWhileTheBridgeStartsAreRead() throws Exception {
        try (Site site = SGUILD.site(dir, "f")) {
            site.set("reader.start_at_now", null);
            site.snort().sendAll(Scenarios.countedAlerts(5, Instant.now().minus(1, ChronoUnit.MINUTES)));
            BridgeProcess bridge = site.start();
            bridge.awaitLog("^\\S+ (INFO|WARN|ERROR) ");
            List<SnortAgent.Stored> sent = new ArrayList<>();
            // alerts keep arriving all through the start-up, until the bridge reports reading some, and a while after
            int afterFirstRead = 0;
            long end = System.nanoTime() + Await.DEADLINE.toNanos();
            while (afterFirstRead < 20) {
                if (System.nanoTime() > end || !bridge.isAlive()) {
                    throw new AssertionError("the bridge never read the event table:\n" + bridge.output());
                }
                boolean read = bridge.statusNumber("intake.alerts") > 0;
                sent.addAll(site.snort().sendAll(Scenarios.countedAlerts(1, Instant.now().truncatedTo(ChronoUnit.SECONDS))));
                afterFirstRead += read ? 1 : 0;
            }
            site.finish(bridge, Scenarios.countConclusions(sent)).assertExactlyOnce();
        }
    }
}
