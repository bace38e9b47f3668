package net.sguil.bridge.realsguild;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, scenario "first start with rows arriving at once": the bridge's very first start, with
 * {@code reader.start_at_now} as shipped, while Snort's alerts keep arriving. What arrived before
 * the start is skipped, but every alert stored after the bridge has begun to run (its first log
 * line) must be read: the position is taken when the daemon starts, not when it first polls.
 *
 * <p>Fails on today's code: the position is taken at the first poll, after the rules are compiled
 * and sguild is connected, so the alerts stored in between fall behind it; they still get their
 * events only because the baseline replay acts on every row behind the position, which is also
 * why the five alerts from before the start are reported (the fault FreshStateTest shows).
 */
class FirstStartTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    @Test
    @Tag("issue10-open")
    void alertsStoredWhileTheBridgeStartsAreRead() throws Exception {
        try (Site site = SGUILD.site(dir, "f")) {
            site.set("reader.start_at_now", null);
            site.snort().sendAll(Scenarios.countedAlerts(5, Instant.now().minus(1, ChronoUnit.MINUTES)));
            BridgeProcess bridge = site.start();
            bridge.awaitLog("^\\S+ (INFO|WARN|ERROR) ");
            List<SnortAgent.Stored> sent = new ArrayList<>();
            int afterFirstPoll = 0;
            long end = System.nanoTime() + Await.DEADLINE.toNanos();
            while (afterFirstPoll < 20) {
                if (System.nanoTime() > end || !bridge.isAlive()) {
                    throw new AssertionError("the bridge never polled the event table:\n" + bridge.output());
                }
                boolean polled = bridge.hasPolledEvents();
                sent.addAll(site.snort().sendAll(Scenarios.countedAlerts(1, Instant.now().truncatedTo(ChronoUnit.SECONDS))));
                afterFirstPoll += polled ? 1 : 0;
            }
            site.finish(bridge, Scenarios.countConclusions(sent)).assertExactlyOnce();
        }
    }
}
