package net.sguil.bridge.delivery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.agent.DeliveryStats;
import net.sguil.bridge.sguil.agent.Outbox;

/**
 * What every way of delivering shares: {@link #submit} persists in the durable {@link Outbox} and
 * returns; one thread of the subclass drains it; counters for health reporting; a prompt stop.
 */
public abstract class OutboxDelivery implements EventDelivery {
    protected final Outbox outbox;
    protected final Pause pause = new Pause();
    protected final AtomicLong sent = new AtomicLong();
    protected final AtomicLong confirmed = new AtomicLong();
    protected final AtomicLong alreadyStored = new AtomicLong();
    protected final AtomicLong failed = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final Thread thread;
    protected volatile boolean running = true;
    protected volatile boolean connected;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    protected OutboxDelivery(Outbox outbox, String threadName) {
        this.outbox = outbox;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** The delivery loop; returns when {@link #running} turns false. */
    protected abstract void run();

    protected final void startDelivering() {
        thread.start();
    }

    protected final void error(String what) {
        lastError = what;
        lastErrorAt = Instant.now();
    }

    protected final String lastError() {
        return lastError;
    }

    @Override
    public final boolean submit(SguilEventOut event) throws IOException {
        if (outbox.submit(event) < 0) {
            return false;
        }
        submitted.incrementAndGet();
        return true;
    }

    @Override
    public final boolean awaitDrained(Duration timeout) throws InterruptedException {
        return outbox.awaitEmpty(timeout.toMillis());
    }

    @Override
    public final DeliveryStats stats() {
        return new DeliveryStats(submitted.get(), sent.get(), confirmed.get(), alreadyStored.get(), failed.get(),
                outbox.depth(), connected, lastError, lastErrorAt);
    }

    /** Cuts the far side short so the loop notices the stop (e.g. closes a socket blocked in a read). */
    protected void interruptTransport() {
    }

    /** Stops the delivery thread; what is still pending stays in the journal for the next start. */
    @Override
    public final void close() throws IOException {
        running = false;
        pause.interrupt();
        outbox.wake();
        interruptTransport();
        try {
            thread.join(joinTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.close();
    }

    /** How long a stop waits for the loop to finish the event in hand. */
    protected abstract Duration joinTimeout();
}
