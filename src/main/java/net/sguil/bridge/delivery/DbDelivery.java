package net.sguil.bridge.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import net.sguil.bridge.sguil.DbSettings;
import net.sguil.bridge.sguil.DbUnreachableException;
import net.sguil.bridge.sguil.SguilDbEventWriter;
import net.sguil.bridge.sguil.SguilSchema;
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
public final class DbDelivery extends OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DbDelivery.class);

    private final DbSettings db;
    private final String sensor;
    private final String netName;
    private final Backoff backoff;

    private DbDelivery(DbSettings db, String sensor, String netName, Outbox outbox, Backoff backoff) {
        super(outbox, "db-delivery");
        this.db = db;
        this.sensor = sensor;
        this.netName = netName;
        this.backoff = backoff;
    }

    public static DbDelivery start(DbSettings db, String sensor, String netName, Path journal, OutboxLimits limits,
                                   Duration backoffInitial, Duration backoffMax) throws IOException {
        DbDelivery d = new DbDelivery(db, sensor, netName, Outbox.open(journal, limits),
                new Backoff(backoffInitial, backoffMax));
        d.startDelivering();
        return d;
    }

    @Override
    protected Duration joinTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    protected void run() {
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
                    error(e.getClass().getSimpleName() + ": " + e.getMessage());
                    LOG.warn("database delivery failed: {} ({} events pending)", lastError(), outbox.depth());
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
