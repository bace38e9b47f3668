package net.sguil.bridge.rules;

import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.facts.SguilEventOut;

/** Keeps what the engine delivers, for assertions. */
final class CollectingSink implements EventSink, ActionHandler {
    final List<SguilEventOut> events = new ArrayList<>();
    final List<ExtractSession> extractions = new ArrayList<>();

    @Override
    public void accept(SguilEventOut event) {
        events.add(event);
    }

    @Override
    public void extract(ExtractSession request) {
        extractions.add(request);
    }

    List<SguilEventOut> byRule(String rule) {
        return events.stream().filter(e -> e.getRule().equals(rule)).toList();
    }
}
