package net.sguil.bridge.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.DbSettings;
import net.sguil.bridge.sguil.DbUnreachableException;
import net.sguil.bridge.sguil.SguilDbEventWriter;
import net.sguil.bridge.sguil.SguilSchema;
import net.sguil.bridge.sguil.agent.DeliveryStats;
import net.sguil.bridge.sguil.agent.Outbox;
import net.sguil.bridge.sguil.agent.OutboxLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct database mode, for installations without a running sguild: the same durable outbox as
 * the agent, drained into Sguil's tables by {@link SguilDbEventWriter}. Exactly once for the same
 * reasons: a cid is persisted before the insert; on every (re)connect entries with
 * {@code cid <= max(cid)} of our sensor are already stored and dropped; an insert that meets its
 * own earlier row is "already present", not a second row.
 */
public final class DbDelivery implements EventDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DbDelivery.class);

    private final DbSettings db;
    private final String sensor;
    private final String netName;
    private final Outbox outbox;
    private final Backoff backoff;
    private final Thread thread;
    private final Pause pause = new Pause();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong alreadyStored = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    private DbDelivery(DbSettings db, String sensor, String netName, Outbox outbox, Backoff backoff) {
        this.db = db;
        this.sensor = sensor;
        this.netName = netName;
        this.outbox = outbox;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "db-delivery");
        this.thread.setDaemon(true);
    }

    public static DbDelivery start(DbSettings db, String sensor, String netName, Path journal, OutboxLimits limits,
                                   Duration backoffInitial, Duration backoffMax) throws IOException {
        DbDelivery d = new DbDelivery(db, sensor, netName, Outbox.open(journal, limits),
                new Backoff(backoffInitial, backoffMax));
        d.thread.start();
        return d;
    }

    @Override
    public boolean submit(SguilEventOut event) throws IOException {
        if (outbox.submit(event) < 0) {
            return false;
        }
        submitted.incrementAndGet();
        return true;
    }

    @Override
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        return outbox.awaitEmpty(timeout.toMillis());
    }

    @Override
    public DeliveryStats stats() {
        return new DeliveryStats(submitted.get(), sent.get(), confirmed.get(), alreadyStored.get(), 0,
                outbox.depth(), connected, lastError, lastErrorAt);
    }

    @Override
    public void close() throws IOException {
        running = false;
        pause.interrupt();
        outbox.wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.close();
    }

    private void run() {
        while (running) {
            try (Connection c = db.connect()) {
                SguilDbEventWriter writer = new SguilDbEventWriter(c, SguilSchema.load(), sensor, netName);
                int sid = writer.sid();
                int dropped = outbox.resync(writer.maxCid(sid));
                alreadyStored.addAndGet(dropped);
                confirmed.addAndGet(dropped);
                connected = true;
                backoff.reset();
                LOG.info("writing events to the database as sensor {} (sid {}); {} already stored, {} pending", sensor,
                        sid, dropped, outbox.depth());
                drain(writer);
            } catch (SQLException | DbUnreachableException | IOException | RuntimeException e) {
                if (running) {
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    lastErrorAt = Instant.now();
                    LOG.warn("database delivery failed: {} ({} events pending)", lastError, outbox.depth());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                connected = false;
            }
            pause.sleep(backoff.nextDelayMillis());
        }
    }

    private void drain(SguilDbEventWriter writer) throws SQLException, IOException, InterruptedException {
        while (running) {
            Outbox.Entry e = outbox.next(Duration.ofSeconds(1).toNanos());
            if (e == null || !running) {
                continue;
            }
            long cid = outbox.assignCid(e);
            sent.incrementAndGet();
            SguilDbEventWriter.Result r = writer.write(e.event(), cid);
            confirmed.incrementAndGet();
            if (r == SguilDbEventWriter.Result.ALREADY_PRESENT) {
                alreadyStored.incrementAndGet();
            }
            outbox.done(e);
        }
    }
}
