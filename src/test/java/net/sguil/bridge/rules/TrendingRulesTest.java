package net.sguil.bridge.rules;

import static net.sguil.bridge.rules.TestFacts.alert;
import static net.sguil.bridge.rules.TestFacts.day;
import static net.sguil.bridge.rules.TestFacts.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.sguil.bridge.facts.SancpSession;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.facts.SguilEventOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** drl/trending.drl, fed with facts on a pseudo clock. */
class TrendingRulesTest {
    private static final String SPIKE = "Trending: signature spike";
    private static final String VOLUME = "Trending: outbound volume";
    private static final String SIG = "ET SCAN Nmap";
    private static RuleSet rules;

    @BeforeAll
    static void build() throws Exception {
        rules = KnowledgeBaseLoader.load(List.of(Path.of("drl/trending.drl")));
    }

    /** Seconds into the current day of the next alert, so that successive batches move forward in time. */
    private long second;
    private int currentDay = -1;

    /** Inserts {@code n} alerts of {@code sig} on {@code day}, 10 s apart, after those already inserted that day. */
    private void alerts(RuleEngine engine, String sig, int day, int n) {
        if (day != currentDay) {
            currentDay = day;
            second = 0;
        }
        for (int i = 0; i < n; i++) {
            Instant t = day(day).plusSeconds(second += 10);
            SguilAlert a = alert(sig, t);
            engine.insert(a, t);
        }
        engine.fireUntilQuiet();
    }

    private void history(RuleEngine engine, int... perDay) {
        for (int d = 0; d < perDay.length; d++) {
            alerts(engine, SIG, d, perDay[d]);
        }
    }

    @Test
    void aSpikeIsReportedOnceWhenTheCountReachesTheMinimum() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            history(engine, 3, 3, 3, 3, 3, 3, 3);
            alerts(engine, SIG, 7, 99);
            assertThat(sink.events).as("99 alerts: one short of min_count").isEmpty();
            alerts(engine, SIG, 7, 1);
            assertThat(sink.events).hasSize(1);
            alerts(engine, SIG, 7, 1906);
            assertThat(sink.events).as("one event per signature and day, not per alert").hasSize(1);
            SguilEventOut e = sink.events.get(0);
            assertThat(e.getRule()).isEqualTo(SPIKE);
            assertThat(e.getSignatureId()).isEqualTo(1000101);
            assertThat(e.getGeneratorId()).isEqualTo(SguilEventOut.BRIDGE_GENERATOR_ID);
            assertThat(e.getSignature()).isEqualTo("BRIDGE TRENDING signature spike: " + SIG);
            assertThat(e.getEvidenceKey()).isEqualTo(SIG + "|2006-06-08");
            assertThat(e.getTimestamp()).as("the 100th alert").isEqualTo(day(7).plusSeconds(1000));
            assertThat(e.getDetail()).contains("Count: 100", "Median of previous 7 days: 3.0", "Ratio: 33.3");
            assertThat(e.getHtmlDetail()).contains("<td><b>Count</b></td><td width=\"80\"><tt>100</tt></td>");
        } finally {
            engine.close();
        }
    }

    @Test
    void theThresholdIsRatioTimesTheMedianWhenThatIsHigher() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            history(engine, 10, 30, 20, 25, 20, 15, 20); // sorted: 10 15 20 20 20 25 30 → median 20 → 200
            alerts(engine, SIG, 7, 199);
            assertThat(sink.events).as("199 < 10 x 20").isEmpty();
            alerts(engine, SIG, 7, 1);
            assertThat(sink.events).extracting(SguilEventOut::getDetail)
                    .singleElement().asString().contains("Count: 200", "Median of previous 7 days: 20.0");
        } finally {
            engine.close();
        }
    }

    @Test
    void quietDaysCountAsZeroAndDaysOutsideTheWindowDoNotCount() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            // Day 0 is 8 days before day 8: outside the 7-day window. Days 1..3 busy, 4..7 quiet → median 0.
            alerts(engine, SIG, 0, 5000);
            sink.events.clear();
            alerts(engine, SIG, 1, 90);
            alerts(engine, SIG, 2, 90);
            alerts(engine, SIG, 3, 90);
            alerts(engine, SIG, 8, 100);
            assertThat(sink.events).extracting(SguilEventOut::getEvidenceKey).containsExactly(SIG + "|2006-06-09");
            assertThat(sink.events.get(0).getDetail()).contains("Median of previous 7 days: 0.0", "Ratio: no alerts before");
        } finally {
            engine.close();
        }
    }

    @Test
    void eachSignatureAndDayIsJudgedSeparately() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            for (int i = 0; i < 150; i++) {
                Instant t = day(0).plusSeconds(i);
                engine.insert(alert(SIG, t), t);
                engine.insert(alert("OTHER", t), t);
            }
            engine.fireUntilQuiet();
            assertThat(sink.events).extracting(SguilEventOut::getEvidenceKey)
                    .containsExactlyInAnyOrder(SIG + "|2006-06-01", "OTHER|2006-06-01");
            // Day 1: median of (150, 0 x 6) is 0 → min_count 100: SIG's 100 is a spike again, OTHER's 99 is not.
            alerts(engine, SIG, 1, 100);
            alerts(engine, "OTHER", 1, 99);
            assertThat(sink.events).extracting(SguilEventOut::getEvidenceKey).contains(SIG + "|2006-06-02")
                    .doesNotContain("OTHER|2006-06-02");
        } finally {
            engine.close();
        }
    }

    @Test
    void parametersComeFromTheConfigurationNotTheRule() {
        CollectingSink sink = new CollectingSink();
        RuleParameters p = RuleParameters.defaults().withTrending(10, 2, 3);
        RuleEngine engine = RuleEngine.replay(rules, p, sink, sink);
        try {
            history(engine, 1000, 8, 8, 8); // the 1000 is 3 days before day 3's window start → median 8 → 16
            sink.events.clear();
            alerts(engine, SIG, 4, 15);
            assertThat(sink.events).isEmpty();
            alerts(engine, SIG, 4, 1);
            assertThat(sink.events).singleElement().extracting(SguilEventOut::getDetail).asString()
                    .contains("Count: 16", "Median of previous 3 days: 8.0", "max(10, 2.0 x median)");
        } finally {
            engine.close();
        }
    }

    @Test
    void aReloadKeepsTheCountsAndBaselines() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            history(engine, 3, 3, 3, 3, 3, 3, 3);
            alerts(engine, SIG, 7, 60);
            engine.offer(rules);
            alerts(engine, SIG, 7, 39);
            assertThat(sink.events).isEmpty();
            alerts(engine, SIG, 7, 1);
            assertThat(sink.events).singleElement().extracting(SguilEventOut::getDetail).asString()
                    .contains("Count: 100", "Median of previous 7 days: 3.0");
        } finally {
            engine.close();
        }
    }

    @Test
    void outboundVolumeAboveRatioTimesTheMedianOfThePrevious24Hours() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            Instant h0 = day(0);
            for (int h = 0; h < 24; h++) {
                Instant t = h0.plusSeconds(3600L * h + 60);
                engine.insert(session("10.0.0.5", "203.0.113.9", 443, 2_000_000, 50_000, t), t); // out: 2 MB
            }
            engine.fireUntilQuiet();
            Instant t = h0.plusSeconds(3600L * 24 + 60);
            // Hour 24: 20 MB = exactly 10 x median: not above. Internal and external-only traffic never counts.
            engine.insert(session("10.0.0.5", "203.0.113.9", 443, 15_000_000, 1, t), t);
            engine.insert(session("203.0.113.9", "10.0.0.5", 443, 1, 5_000_000, t), t); // a home server's answer
            engine.insert(session("10.0.0.5", "10.0.0.6", 443, 900_000_000, 1, t), t);
            engine.insert(session("203.0.113.9", "198.51.100.1", 443, 900_000_000, 1, t), t);
            engine.fireUntilQuiet();
            assertThat(sink.byRule(VOLUME)).isEmpty();
            engine.insert(session("10.0.0.7", "203.0.113.10", 443, 1, 1, t.plusSeconds(1)), t.plusSeconds(1));
            engine.fireUntilQuiet();
            assertThat(sink.byRule(VOLUME)).singleElement().satisfies(e -> {
                assertThat(e.getSignatureId()).isEqualTo(1000102);
                assertThat(e.getDstPort()).isEqualTo(443);
                assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2006-06-02T00:00:00Z"));
                assertThat(e.getDetail()).contains("Bytes from the home network: 20000001", "Sessions: 3",
                        "Median of previous 24 hours: 2000000.0");
            });
            Instant later = t.plusSeconds(600);
            engine.insert(session("10.0.0.5", "203.0.113.9", 443, 50_000_000, 1, later), later);
            engine.fireUntilQuiet();
            assertThat(sink.byRule(VOLUME)).as("one event per port and hour").hasSize(1);
        } finally {
            engine.close();
        }
    }

    @Test
    void outboundVolumeNeedsTheMinimumBytesOnANewPort() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            Instant t = day(3);
            engine.insert(session("10.0.0.5", "203.0.113.9", 8443, 9_999_999, 0, t), t);
            engine.fireUntilQuiet();
            assertThat(sink.events).as("median 0, but below volume.min_bytes").isEmpty();
            engine.insert(session("10.0.0.5", "203.0.113.9", 8443, 1, 0, t.plusSeconds(5)), t.plusSeconds(5));
            engine.fireUntilQuiet();
            assertThat(sink.byRule(VOLUME)).hasSize(1);
        } finally {
            engine.close();
        }
    }

    @Test
    void workingMemoryStaysBoundedOverManyDays() {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink);
        try {
            long[] factsAtEndOfDay = new long[40];
            for (int d = 0; d < 40; d++) {
                for (int i = 0; i < 200; i++) {
                    Instant t = day(d).plusSeconds(400L * i);
                    engine.insert(alert("SIG " + (i % 5), t), t);
                    SancpSession s = session("10.0.0.5", "203.0.113.9", 1000 + i % 3, 1000, 10, t);
                    engine.insert(s, t);
                }
                engine.fireUntilQuiet();
                factsAtEndOfDay[d] = engine.factCount();
            }
            // 5 signatures x 8 days + 3 ports x 25 hours + the last hour's events + parameters.
            assertThat(factsAtEndOfDay[39]).isEqualTo(factsAtEndOfDay[20]).isLessThan(5 * 8 + 3 * 25 + 2 * 20 + 10);
        } finally {
            engine.close();
        }
    }
}
