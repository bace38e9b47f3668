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
import net.sguil.bridge.state.CrashPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct database mode, for installations without a running sguild: the same durable outbox and
 * validator as the agent, drained into Sguil's tables by {@link SguilDbEventWriter}. Exactly once
 * for the same reasons: a cid is persisted before the insert; on every (re)connect entries with
 * {@code cid <= max(cid)} of our sensor are already stored and dropped; an insert that meets its
 * own earlier row is "already present", not a second row. A failing insert is a failure a resend
 * can cure (the database went away, a table is locked): the entry stays at the head and the
 * delivery reconnects after a backoff, showing {@code database: storing fails: …} meanwhile.
 */
public final class DbDelivery extends OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DbDelivery.class);

    private final DbSettings db;
    private final String sensor;
    private final String netName;

    private DbDelivery(DbSettings db, String sensor, String netName, Outbox outbox, DeliveryLimits limits) {
        super(outbox, limits, "database", "database " + db.host() + ":" + db.port(), "db-delivery");
        this.db = db;
        this.sensor = sensor;
        this.netName = netName;
    }

    public static DbDelivery start(DbSettings db, String sensor, String netName, Path journal, DeliveryLimits limits)
            throws IOException {
        DbDelivery d = new DbDelivery(db, sensor, netName, Outbox.open(journal, limits.outbox()), limits);
        d.startDelivering();
        return d;
    }

    @Override
    protected Duration joinTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    protected void session(Backoff backoff) throws SQLException, DbUnreachableException, IOException,
            InterruptedException, StoringFailed {
        try (Connection c = db.connect()) {
            SguilDbEventWriter writer = new SguilDbEventWriter(c, SguilSchema.load(), sensor, netName);
            int sid = writer.sid();
            int dropped = outbox.resync(writer.maxCid(sid));
            alreadyDelivered(dropped);
            up();
            LOG.info("writing events to the database as sensor {} (sid {}); {} already stored, {} pending", sensor,
                    sid, dropped, outbox.depth());
            drain(writer, backoff);
        }
    }

    private void drain(SguilDbEventWriter writer, Backoff backoff) throws StoringFailed, IOException,
            InterruptedException {
        while (running) {
            Outbox.Entry e = outbox.next(Duration.ofSeconds(1).toNanos());
            if (e == null || !running) {
                continue;
            }
            Sendable s = prepare(e);
            if (s == null) {
                continue;
            }
            SguilDbEventWriter.Result r;
            try {
                r = writer.write(s.event(), s.cid());
                CrashPoint.here(CrashPoint.EVENT_SENT);
            } catch (SQLException ex) {
                throw storingFails(ex.getMessage(), ex);
            }
            delivered(e, r == SguilDbEventWriter.Result.ALREADY_PRESENT);
            backoff.reset();
        }
    }
}
