package net.sguil.bridge.delivery;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.sguil.agent.AgentConfig;
import net.sguil.bridge.sguil.agent.AgentInfo;
import net.sguil.bridge.sguil.agent.EventReply;
import net.sguil.bridge.sguil.agent.SguildClient;
import net.sguil.bridge.sguil.agent.SguildEventEncoder;
import net.sguil.bridge.sguil.agent.SguildException;
import net.sguil.bridge.state.CrashPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to sguild, exactly once (SGUIL.md section 3): {@link #submit} appends and
 * returns; one thread connects, registers, resyncs the outbox against {@code maxCid}, then sends
 * stop-and-wait, and reconnects with capped, jittered exponential backoff when the connection dies.
 *
 * <p>sguild's replies decide what happens to an event ({@link EventReply.Kind}): stored (or stored
 * before) is done; a {@code Failed} from sguild's database, such as the dead handle it keeps after
 * its MariaDB restarted, is kept at the head of the outbox and sent again after a backoff, on the
 * same connection (a reconnect would not help: sguild then leaves {@code RegisterAgent} unanswered),
 * and shown as the condition {@code sguild: storing fails: …}; only a reply a resend cannot cure
 * drops the event. An event sguild never answers (it drops bad IPs, timestamps and sids without a
 * word) would be resent forever; after {@link DeliveryLimits#maxSilentAttempts()} unanswered sends,
 * each followed by a reconnect whose maxCid shows it was not stored, it is logged and dropped.
 *
 * <p>A dead sguild is noticed within about a second: with nothing to send, the connection is checked
 * for end-of-file every second (a killed sguild closes it), PINGed every {@link
 * DeliveryLimits#idlePing()}, and PINGed at once after a failed store, each with the short PONG
 * deadline.
 */
public final class AgentDelivery extends OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(AgentDelivery.class);
    private static final long LIVENESS_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AgentConfig config;
    private volatile SguildClient current;

    private AgentDelivery(AgentConfig config, DeliveryLimits limits, Outbox outbox) {
        super(outbox, limits, "sguild", "sguild " + config.host() + ":" + config.port(), "sguild-delivery");
        this.config = config;
    }

    /** Opens the outbox journal and starts delivering what it holds. */
    public static AgentDelivery start(AgentConfig config, DeliveryLimits limits, Path journal) throws IOException {
        AgentDelivery d = new AgentDelivery(config, limits, Outbox.open(journal, limits.outbox()));
        d.startDelivering();
        return d;
    }

    @Override
    protected void interruptTransport() {
        SguildClient c = current;
        if (c != null) {
            c.close();
        }
    }

    @Override
    protected Duration joinTimeout() {
        return config.replyTimeout().plusSeconds(1);
    }

    @Override
    protected void session(Backoff backoff) throws IOException, InterruptedException {
        try (SguildClient client = SguildClient.connect(config)) {
            current = client;
            if (!running) {
                return;
            }
            AgentInfo info = register(client);
            int dropped = outbox.resync(info.maxCid());
            alreadyDelivered(dropped);
            up();
            backoff.reset();
            LOG.info("registered with sguild as sensor {} (sid {}, maxCid {}); {} events already stored, {} pending",
                    info.sensorName(), info.sid(), info.maxCid(), dropped, outbox.depth());
            dropSilentlyRefused();
            deliver(client, info);
        } finally {
            current = null;
        }
    }

    /** RegisterAgent; sguild leaves it unanswered while its database is gone, which the error says. */
    private static AgentInfo register(SguildClient client) throws IOException {
        try {
            return client.register();
        } catch (SocketTimeoutException e) {
            throw new SguildException(e.getMessage() + " (sguild does not answer RegisterAgent while its database"
                    + " is gone)", e);
        }
    }

    private void deliver(SguildClient client, AgentInfo info) throws IOException, InterruptedException {
        Backoff retry = new Backoff(limits.backoffInitial(), limits.backoffMax());
        long lastHeard = System.nanoTime();
        while (running) {
            long idleLeft = limits.idlePing().toNanos() - (System.nanoTime() - lastHeard);
            if (idleLeft <= 0) {
                client.ping();
                lastHeard = System.nanoTime();
                continue;
            }
            Outbox.Entry e = outbox.next(Math.min(idleLeft, LIVENESS_CHECK_NANOS));
            if (!running) {
                return;
            }
            if (e == null) {
                requireAlive(client);
                continue;
            }
            Sendable s = prepare(e);
            if (s == null) {
                continue;
            }
            long cid = s.cid();
            EventReply reply;
            try {
                reply = client.sendEvent(cid, SguildEventEncoder.encode(s.event(), info, cid));
                CrashPoint.here(CrashPoint.EVENT_SENT);
            } catch (SocketTimeoutException ex) {
                e.countSilentFailure();
                throw ex;
            }
            switch (reply.kind()) {
                case CONFIRMED, DUPLICATE -> {
                    delivered(e, reply.kind() == EventReply.Kind.DUPLICATE);
                    retry.reset();
                }
                case REFUSED -> refused(e, "sguild answered Failed {" + EventValidator.visible(reply.reason()) + "}");
                case TRANSIENT -> {
                    storingFails(reply.reason(), null);
                    LOG.warn("sguild could not store event cid {}: Failed {{}}; kept, sending it again", cid,
                            EventValidator.visible(reply.reason()));
                    client.ping();
                    waitBeforeResend(client, retry.nextDelayMillis());
                }
            }
            lastHeard = System.nanoTime();
        }
    }

    /** Waits before a resend, still noticing within a second if sguild goes away meanwhile. */
    private void waitBeforeResend(SguildClient client, long millis) throws IOException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (running && (left = end - System.nanoTime()) > 0) {
            pause.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1000));
            requireAlive(client);
        }
    }

    private static void requireAlive(SguildClient client) throws IOException {
        if (client.peerGone()) {
            throw new SguildException("sguild closed the connection");
        }
    }

    /** Runs after a resync: an entry still pending there was not stored, however often it was sent. */
    private void dropSilentlyRefused() throws IOException {
        for (Outbox.Entry e : outbox.pendingEntries()) {
            if (e.silentFailures() >= limits.maxSilentAttempts()) {
                refused(e, "sguild never answered it in " + e.silentFailures() + " attempts and did not store it");
            }
        }
    }
}
