package net.sguil.bridge.delivery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.StorableEvent;
import net.sguil.bridge.weird.Weirds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both transports share: {@link #submit} appends to the durable {@link Outbox} and returns;
 * one thread of the subclass drains it, each event through the one {@link EventValidator}; the
 * counters and the condition for health reporting; a prompt stop.
 */
public abstract class OutboxDelivery implements EventDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    protected final Outbox outbox;
    protected final DeliveryLimits limits;
    protected final Pause pause = new Pause();
    private final String name;
    private final String transport;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong alreadyStored = new AtomicLong();
    private final AtomicLong transientFailures = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong droppedInvalid = new AtomicLong();
    private final AtomicLong repaired = new AtomicLong();
    private final Weirds repairs = new Weirds();
    private final AtomicReference<LastError> lastError = new AtomicReference<>();
    private final Thread thread;
    protected volatile boolean running = true;
    private volatile boolean connected;
    private volatile String condition;
    private volatile boolean storingFails;
    private volatile Instant lastConfirmedAt;

    /**
     * @param name what the condition names: {@code sguild} or {@code database}
     * @param transport where events go, for the status: {@code sguild HOST:PORT}, {@code database}
     */
    protected OutboxDelivery(Outbox outbox, DeliveryLimits limits, String name, String transport, String threadName) {
        this.outbox = outbox;
        this.limits = limits;
        this.name = name;
        this.transport = transport;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /**
     * One connection: connect (and register), resync the outbox, deliver until the connection fails
     * or the delivery stops. Whatever it throws ends the connection; the loop reconnects after a
     * capped, jittered exponential backoff, which the session resets once it is up.
     */
    protected abstract void session(Backoff backoff) throws Exception;

    /** Thrown after {@link #storingFails}: counted and shown as storing failing, not as the connection being down. */
    protected static final class StoringFailed extends Exception {
        private StoringFailed(Throwable cause) {
            super(cause);
        }
    }

    private void run() {
        Backoff backoff = new Backoff(limits.backoffInitial(), limits.backoffMax());
        while (running) {
            try {
                session(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoringFailed e) {
                LOG.warn("{} ({} events pending); reconnecting", condition, outbox.depth());
            } catch (Exception e) {
                if (running) {
                    down(e.getClass().getSimpleName() + ": " + e.getMessage());
                    LOG.warn("{} ({} events pending)", condition, outbox.depth());
                }
            } finally {
                down(null);
            }
            if (running) {
                long delay = backoff.nextDelayMillis();
                LOG.info("reconnecting to {} in {} ms", transport, delay);
                pause.sleep(delay);
            }
        }
    }

    protected final void startDelivering() {
        thread.start();
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
    public final void sync() throws IOException {
        outbox.sync();
    }

    @Override
    public final void remember(Collection<String> conclusionIds) {
        outbox.remember(conclusionIds);
    }

    @Override
    public final boolean awaitDrained(Duration timeout) throws InterruptedException {
        return outbox.awaitEmpty(timeout.toMillis());
    }

    @Override
    public final DeliveryStats stats() {
        Instant last = lastConfirmedAt;
        return new DeliveryStats(transport, submitted.get(), sent.get(), confirmed.get(), alreadyStored.get(),
                transientFailures.get(), refused.get(), droppedInvalid.get(), repaired.get(), repairs.snapshot(),
                outbox.depth(), connected, condition, last == null ? null : last.toString(), lastError.get());
    }

    /** An entry ready to go: as Sguil will store it, with its cid. */
    protected record Sendable(StorableEvent event, long cid) {
    }

    /**
     * The entry as Sguil will store it, its repairs counted the first time this process sees it, its
     * cid on disk, counted as sent; null when it cannot be stored at all, in which case it has been
     * dropped and counted.
     */
    protected final Sendable prepare(Outbox.Entry e) throws IOException {
        EventValidator.Result r = EventValidator.check(e.event());
        if (r instanceof EventValidator.Unstorable u) {
            droppedInvalid.incrementAndGet();
            dropForGood(e, u.reason());
            return null;
        }
        EventValidator.Storable s = (EventValidator.Storable) r;
        if (!s.repairs().isEmpty() && e.firstCheck()) {
            repaired.incrementAndGet();
            s.repairs().forEach(repairs::count);
        }
        long cid = outbox.assignCid(e);
        sent.incrementAndGet();
        return new Sendable(s.event(), cid);
    }

    /** The transport is up (registered, connected); clears a condition that said it was not. */
    protected final void up() {
        connected = true;
        if (!storingFails) {
            condition = null;
        }
    }

    /** The transport went down: shown as the condition until it is up again. */
    protected final void down(String why) {
        connected = false;
        if (why != null) {
            error(why);
            condition = name + ": not connected: " + why;
            storingFails = false;
        }
    }

    protected final boolean isConnected() {
        return connected;
    }

    /** Entries Sguil already holds, found at a resync: delivered without a send. */
    protected final void alreadyDelivered(int n) {
        confirmed.addAndGet(n);
        alreadyStored.addAndGet(n);
    }

    /** Stored in Sguil (now, or by an earlier attempt): counted before done(), so a caller woken by an empty outbox sees it. */
    protected final void delivered(Outbox.Entry e, boolean byEarlierAttempt) throws IOException {
        confirmed.incrementAndGet();
        if (byEarlierAttempt) {
            alreadyStored.incrementAndGet();
            LOG.info("event cid {} was already stored by an earlier attempt", e.cid());
        }
        lastConfirmedAt = Instant.now();
        storingFails = false;
        condition = null;
        outbox.done(e);
    }

    /**
     * A failure a resend can cure: the entry stays at the head, and the condition says so until one
     * is stored, e.g. {@code sguild: storing fails: Lost connection to server during query}.
     */
    protected final StoringFailed storingFails(String reason, Throwable cause) {
        transientFailures.incrementAndGet();
        storingFails = true;
        condition = name + ": storing fails: " + EventValidator.visible(reason.replaceFirst("^mysqlexec/db server: ", ""));
        error(condition);
        return new StoringFailed(cause);
    }

    /** Refused in a way a resend cannot cure. */
    protected final void refused(Outbox.Entry e, String why) throws IOException {
        refused.incrementAndGet();
        dropForGood(e, why);
    }

    private void dropForGood(Outbox.Entry e, String why) throws IOException {
        SguilEventOut ev = e.event();
        LOG.error("dropping event cid {} ({}; rule {}, key {}, signature '{}', {} {}:{} -> {}:{}): {}", e.cid(),
                ev.getTimestamp(), EventValidator.visible(ev.getRule()), EventValidator.visible(ev.getEvidenceKey()),
                EventValidator.visible(ev.getSignature()), ev.getIpProto(), EventValidator.visible(ev.getSrcIp()),
                ev.getSrcPort(), EventValidator.visible(ev.getDstIp()), ev.getDstPort(), why);
        error("event cid " + e.cid() + " dropped: " + why);
        outbox.done(e);
    }

    protected final void error(String what) {
        lastError.set(LastError.now(what));
    }

    protected final String lastErrorMessage() {
        LastError e = lastError.get();
        return e == null ? null : e.message();
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
