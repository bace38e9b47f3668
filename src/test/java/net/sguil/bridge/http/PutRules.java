package net.sguil.bridge.http;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.rules.KnowledgeBaseLoader;
import net.sguil.bridge.rules.RuleBuildException;
import net.sguil.bridge.rules.RuleEngine;
import net.sguil.bridge.rules.RuleParameters;
import net.sguil.bridge.rules.RuleSet;
import org.kie.api.KieBase;

/**
 * drl/put-defacement.drl compiled once by the bridge's own loader and run in the bridge's rule
 * engine (STREAM mode, pseudo clock driven by the facts' own times), conclusions collected.
 */
final class PutRules {
    private static RuleSet rules;

    private PutRules() {
    }

    static synchronized RuleSet rules() {
        if (rules == null) {
            try {
                rules = KnowledgeBaseLoader.load(List.of(Path.of("drl/put-defacement.drl")));
            } catch (RuleBuildException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return rules;
    }

    static KieBase base() {
        return rules().kieBase();
    }

    /** An engine whose conclusions land in {@code events} and pcap requests in {@code actions}. */
    static RuleEngine engine(List<SguilEventOut> events, List<ExtractSession> actions) {
        return RuleEngine.replay(rules(), RuleParameters.defaults(), events::add, actions::add);
    }

    static List<SguilEventOut> sorted(List<SguilEventOut> events) {
        return events.stream().sorted(Comparator.comparing(SguilEventOut::getTimestamp)).toList();
    }

    /** Replays the transactions in order, then lets a day pass so every window closes; returns the events by time. */
    static List<SguilEventOut> replay(List<HttpTransaction> transactions) {
        List<SguilEventOut> events = new ArrayList<>();
        try (RuleEngine engine = engine(events, new ArrayList<>())) {
            for (HttpTransaction t : transactions) {
                engine.insert(t, Instant.ofEpochMilli(t.getTimestampMillis()));
                engine.fireUntilQuiet();
            }
            engine.advanceTo(engine.clock().plus(Duration.ofDays(1)));
        }
        return sorted(events);
    }
}
