package net.sguil.bridge.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.sguil.bridge.facts.TimedFact;

/**
 * The one place where what the analysis found becomes rule facts: each message becomes its
 * {@code SmtpMessage} and {@code Attachment}s, each HTTP exchange its {@code HttpTransaction}, in
 * capture order, each stamped with its capture time. {@code extract}, {@code scan} and the daemon
 * all see the same facts for the same packets.
 */
public class FactFeed implements ExtractionListener {
    private final Consumer<List<TimedFact>> facts;

    /** @param facts receives the facts of one message or one exchange at a time, on the pipeline's output thread */
    public FactFeed(Consumer<List<TimedFact>> facts) {
        this.facts = facts;
    }

    @Override
    public void message(ExtractedMessage m) {
        List<TimedFact> batch = new ArrayList<>();
        for (Object f : m.facts()) {
            batch.add(new TimedFact(f, m.session().getLastSeen()));
        }
        facts.accept(batch);
    }

    @Override
    public void httpTransaction(net.sguil.bridge.facts.HttpTransaction t) {
        facts.accept(List.of(new TimedFact(t, Instant.ofEpochMilli(t.getTimestampMillis()))));
    }
}
