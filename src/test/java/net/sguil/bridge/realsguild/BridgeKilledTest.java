package net.sguil.bridge.realsguild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.state.CrashPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, scenario "a kill -9 of the bridge right after each reader reads (event, sancp) and
 * mid-delivery", against the genuine sguild. The bridge halts itself, like a kill -9, at the named
 * point ({@link CrashPoint}), is started again, and every conclusion must then be in sguild once.
 */
class BridgeKilledTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    private final Instant t0 = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    /** Starts the bridge so that it halts at {@code point}, and checks it halted there and nowhere else. */
    private static void crashAt(Site site, String point) throws Exception {
        BridgeProcess p = site.start(Map.of(CrashPoint.ENV, point));
        assertThat(p.awaitExit()).as("halted at the crash point " + point + ":\n" + p.output())
                .isEqualTo(CrashPoint.EXIT_STATUS);
    }

    @Test
    void killedRightAfterTheEventReaderReadAlertsTheRulesConcludeAtOnce() throws Exception {
        try (Site site = SGUILD.site(dir, "b1")) {
            List<SnortAgent.Stored> alerts = site.snort().sendAll(Scenarios.countedAlerts(30, t0));
            crashAt(site, CrashPoint.EVENT_READ);
            site.finish(site.start(), Scenarios.countConclusions(alerts)).assertExactlyOnce();
        }
    }

    /**
     * The pcap analyses the alerts asked for are in the action journal before the position moves
     * past the alerts: the restart carries them out (its baseline replay raises nothing).
     */
    @Test
    void killedRightAfterTheEventReaderReadPutAlertsThePutsAreStillAnalysed() throws Exception {
        try (Site site = SGUILD.site(dir, "b2")) {
            List<SensorTraffic.Put> puts = site.traffic.puts("b2", 4, t0);
            for (SensorTraffic.Put p : puts) {
                site.snort().send(p.alert());
            }
            crashAt(site, CrashPoint.EVENT_READ);
            site.finish(site.start(), puts.stream().map(SensorTraffic.Put::conclusion).toList()).assertExactlyOnce();
        }
    }

    /** The SMTP extractions the sessions asked for are in the action journal before the sancp position moves. */
    @Test
    void killedRightAfterTheSancpReaderReadTheSessionsAreStillExtracted() throws Exception {
        try (Site site = SGUILD.site(dir, "b3")) {
            List<SensorTraffic.Mail> mails = site.traffic.mails("b3", 4, t0, 8_000_000_001L);
            site.sancp().load(mails.stream().map(SensorTraffic.Mail::session).toList());
            crashAt(site, CrashPoint.SANCP_READ);
            site.finish(site.start(), mails.stream().map(SensorTraffic.Mail::conclusion).toList()).assertExactlyOnce();
        }
    }

    /** Twice halted between sguild's ConfirmEvent and the outbox recording it: the resync must not send those again. */
    @Test
    void killedMidDeliveryBetweenSguildsConfirmationAndTheOutbox() throws Exception {
        try (Site site = SGUILD.site(dir, "b4")) {
            List<SnortAgent.Stored> alerts = new ArrayList<>(site.snort().sendAll(Scenarios.countedAlerts(60, t0)));
            crashAt(site, CrashPoint.EVENT_SENT + ":15");
            int afterFirst = site.events().size();
            crashAt(site, CrashPoint.EVENT_SENT + ":15");
            int afterSecond = site.events().size();
            assertThat(List.of(afterFirst, afterSecond)).as("halted with part of the events delivered")
                    .allSatisfy(n -> assertThat(n).isBetween(15, 59));
            site.finish(site.start(), Scenarios.countConclusions(alerts)).assertExactlyOnce();
        }
    }
}
