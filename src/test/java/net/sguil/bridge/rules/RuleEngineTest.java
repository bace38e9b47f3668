package net.sguil.bridge.rules;

import static net.sguil.bridge.rules.TestFacts.alert;
import static net.sguil.bridge.rules.TestFacts.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import net.sguil.bridge.facts.SguilAlert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's own guarantees, with inline rules. */
class RuleEngineTest {
    private static RuleSet rules;
    private static RuleSet otherRules;

    private static final String HEAD = """
            package engine.test;
            import net.sguil.bridge.facts.SguilAlert;
            import net.sguil.bridge.rules.EventBuilder;
            """;

    @BeforeAll
    static void build() throws Exception {
        rules = KnowledgeBaseLoader.fromStrings(Map.of("engine.drl", HEAD + """
                // Concludes the same thing for every alert of a signature: the engine must emit it once.
                rule "per signature"
                when
                    $a : SguilAlert(priority == 2)
                then
                    insert(EventBuilder.event(drools.getRule().getName(), 1000901, 1, "seen " + $a.getSignature())
                            .at($a.getTimestamp()).evidence($a.getSignature()).row("Signature", $a.getSignature()).build());
                end

                rule "three in ten minutes"
                when
                    $a : SguilAlert(signature == "burst")
                    Number(intValue >= 3) from accumulate(SguilAlert(signature == "burst", this after[0s, 10m] $a), count(1))
                then
                    insert(EventBuilder.event(drools.getRule().getName(), 1000902, 1, "burst")
                            .at($a.getTimestamp()).evidence("burst").build());
                end

                // The answer to an analyst about an old alert is stamped with the alert's time.
                rule "about the past"
                when
                    $a : SguilAlert(signature == "asked about")
                then
                    insert(EventBuilder.event(drools.getRule().getName(), 1000904, 1, "answer")
                            .at($a.getTimestamp().minusSeconds(2 * 3600)).evidence("past").build());
                end

                rule "explodes"
                when
                    SguilAlert(signature == "boom")
                then
                    throw new IllegalStateException("boom");
                end
                """));
        otherRules = KnowledgeBaseLoader.fromStrings(Map.of("engine.drl", HEAD + """
                rule "replacement"
                when
                    $a : SguilAlert()
                then
                    insert(EventBuilder.event(drools.getRule().getName(), 1000903, 1, "new rules")
                            .at($a.getTimestamp()).evidence(String.valueOf($a.getCid())).build());
                end
                """));
    }

    @Test
    void theSameConclusionIsEmittedOncePerRuleAndEvidence() {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            for (int i = 0; i < 5; i++) {
                Instant t = day(0).plusSeconds(i);
                engine.insert(alert("A", t), t);
                engine.insert(alert("B", t), t);
            }
            engine.fireUntilQuiet();
            assertThat(sink.events).extracting(e -> e.getSignature()).containsExactlyInAnyOrder("seen A", "seen B");
            assertThat(engine.weirds().get("rules.duplicate_conclusion")).isEqualTo(8);
            assertThat(engine.emitted()).isEqualTo(2);
        }
    }

    @Test
    void thePseudoClockFollowsTheDataAndNeverGoesBack() {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            Instant t = day(1);
            engine.insert(alert("A", t), t);
            assertThat(engine.clock()).isEqualTo(t);
            engine.insert(alert("late", t.minusSeconds(30)), t.minusSeconds(30));
            assertThat(engine.clock()).isEqualTo(t);
            assertThat(engine.weirds().get("rules.late_fact")).isEqualTo(1);
            engine.fireUntilQuiet();
            assertThat(sink.events).extracting(e -> e.getSignature()).contains("seen late");
        }
    }

    @Test
    void slightlyOutOfOrderEventsStillMeetInTheirWindow() {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            Instant t = day(2);
            engine.insert(alert("burst", t.plusSeconds(120)), t.plusSeconds(120));
            engine.insert(alert("burst", t), t); // late by two minutes
            engine.insert(alert("burst", t.plusSeconds(300)), t.plusSeconds(300));
            engine.fireUntilQuiet();
            assertThat(sink.byRule("three in ten minutes")).hasSize(1);
        }
    }

    @Test
    void eventsExpireAsTheClockMoves() {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            for (int i = 0; i < 1000; i++) {
                Instant t = day(3).plusSeconds(60L * i);
                engine.insert(alert("x" + (i % 3), t), t);
            }
            engine.fireUntilQuiet();
            // parameters + at most one hour of alerts (61) + the 3 conclusions (kept an hour)
            assertThat(engine.factCount()).isLessThanOrEqualTo(1 + 61 + 3);
        }
    }

    @Test
    void aConclusionStampedLongerAgoThanItsExpiryIsStillDelivered() {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            Instant t = day(6);
            engine.insert(alert("asked about", t), t);
            engine.fireUntilQuiet();
            assertThat(sink.byRule("about the past")).as("expired on insertion, delivered all the same").hasSize(1);
            assertThat(engine.emitted()).isEqualTo(sink.events.size());
        }
    }

    @Test
    void aFailingRuleDoesNotStopTheStream() {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            Instant t = day(4);
            engine.insert(alert("boom", t), t);
            engine.insert(alert("after", t.plusSeconds(1)), t.plusSeconds(1));
            engine.fireUntilQuiet();
            assertThat(engine.weirds().get("rules.consequence_error")).isEqualTo(1);
            assertThat(sink.events).extracting(e -> e.getSignature()).contains("seen after");
        }
    }

    @Test
    void aReloadSwapsTheRulesAndKeepsWhatWasDelivered() {
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), sink, sink)) {
            Instant t = day(5);
            SguilAlert a = alert("A", t);
            engine.insert(a, t);
            engine.fireUntilQuiet();
            engine.offer(otherRules);
            engine.insert(alert("A", t.plusSeconds(1)), t.plusSeconds(1));
            engine.fireUntilQuiet();
            assertThat(engine.rules()).isSameAs(otherRules);
            assertThat(engine.clock()).isEqualTo(t.plusSeconds(1));
            assertThat(sink.events).extracting(e -> e.getRule()).containsExactly("per signature", "replacement");
        }
    }
}
