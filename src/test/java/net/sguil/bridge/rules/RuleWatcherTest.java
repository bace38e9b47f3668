package net.sguil.bridge.rules;

import static net.sguil.bridge.rules.TestFacts.alert;
import static net.sguil.bridge.rules.TestFacts.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.facts.SguilEventOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: a good edit takes effect, a broken edit leaves the old rules running. */
class RuleWatcherTest {
    private static String rule(String signature) {
        return """
                package site;
                import net.sguil.bridge.facts.SguilAlert;
                import net.sguil.bridge.rules.EventBuilder;
                rule "tag"
                when
                    $a : SguilAlert()
                then
                    insert(EventBuilder.event(drools.getRule().getName(), 1000950, 1, "%s")
                            .at($a.getTimestamp()).evidence(String.valueOf($a.getCid())).build());
                end
                """.formatted(signature);
    }

    private int second;

    private String signatureOfNextConclusion(RuleEngine engine, CollectingSink sink) {
        Instant t = day(0).plusSeconds(++second);
        engine.insert(alert("x", t), t);
        engine.fireUntilQuiet();
        List<SguilEventOut> events = sink.events;
        return events.get(events.size() - 1).getSignature();
    }

    @Test
    void goodEditsTakeEffectAndBrokenOnesKeepTheOldRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.drl");
        Files.writeString(file, rule("v1"));
        BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
        CollectingSink sink = new CollectingSink();
        try (RuleEngine engine = RuleEngine.replay(KnowledgeBaseLoader.load(List.of(dir)), RuleParameters.defaults(),
                sink, sink);
             RuleWatcher watcher = RuleWatcher.start(List.of(dir), RuleCache.none(), Duration.ofMillis(50),
                     built -> {
                         engine.offer(built);
                         outcomes.add(built);
                     }, outcomes::add)) {
            assertThat(signatureOfNextConclusion(engine, sink)).isEqualTo("v1");

            Files.writeString(file, rule("version two"));
            assertThat(outcomes.poll(60, TimeUnit.SECONDS)).isInstanceOf(RuleSet.class);
            assertThat(signatureOfNextConclusion(engine, sink)).isEqualTo("version two");

            Files.writeString(file, rule("broken").replace("then", "then oops("));
            assertThat(outcomes.poll(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(RuleBuildException.class,
                    e -> assertThat(e.errors()).extracting(RuleFileError::file).contains(file.toString()));
            assertThat(signatureOfNextConclusion(engine, sink)).isEqualTo("version two");

            Files.writeString(file, rule("v3"));
            assertThat(outcomes.poll(60, TimeUnit.SECONDS)).isInstanceOf(RuleSet.class);
            assertThat(signatureOfNextConclusion(engine, sink)).isEqualTo("v3");
        }
    }
}
