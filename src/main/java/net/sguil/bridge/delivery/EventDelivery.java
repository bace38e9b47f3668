package net.sguil.bridge.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.state.Durable;

/** Gets the rules' conclusions into Sguil exactly once: through sguild, or straight into its database. */
public interface EventDelivery extends Closeable, Durable {
    /**
     * Puts the event in the outbox. It reaches Sguil exactly once across a {@code kill -9} from then
     * on, and across a power cut once {@link #sync()} has returned.
     *
     * @return false when the same conclusion (rule and evidence key) was accepted before, or Sguil
     *         already holds it ({@link #remember}), and this one was dropped
     */
    boolean submit(SguilEventOut event) throws IOException;

    /** Forces every submitted event to disk. */
    @Override
    void sync() throws IOException;

    /** Conclusions Sguil already holds, by {@link ConclusionId}: a later submit of one of them is dropped. */
    void remember(Collection<String> conclusionIds);

    /** Waits until everything submitted is delivered; true if that happened within the timeout. */
    boolean awaitDrained(Duration timeout) throws InterruptedException;

    DeliveryStats stats();
}
