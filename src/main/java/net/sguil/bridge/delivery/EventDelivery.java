package net.sguil.bridge.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.agent.DeliveryStats;

/** Gets the rules' conclusions into Sguil exactly once: through sguild, or straight into its database. */
public interface EventDelivery extends Closeable {
    /**
     * Persists the event; once this returns it reaches Sguil exactly once, across restarts.
     *
     * @return false when the same conclusion (rule and evidence key) was accepted before and this one was dropped
     */
    boolean submit(SguilEventOut event) throws IOException;

    /** Waits until everything submitted is delivered; true if that happened within the timeout. */
    boolean awaitDrained(Duration timeout) throws InterruptedException;

    DeliveryStats stats();
}
