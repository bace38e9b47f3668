package net.sguil.bridge.sguil.agent;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import net.sguil.bridge.delivery.Backoff;
import net.sguil.bridge.delivery.OutboxDelivery;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.testhook.CrashPoint;
import net.sguil.bridge.weird.Weirds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to sguild, exactly once: {@link #submit} persists and returns; one thread
 * connects, registers, resyncs the outbox against {@code maxCid}, then sends stop-and-wait, PINGs
 * when idle and reconnects with capped, jittered exponential backoff when the connection dies.
 *
 * <p>An event sguild never answers (it drops bad IPs, timestamps and sids without a word) would be
 * resent forever; after {@link AgentConfig#maxSilentAttempts()} unanswered sends, each followed by a
 * reconnect whose maxCid shows it was not stored, it is logged and dropped.
 */
public final class AgentDelivery extends OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(AgentDelivery.class);

    private final AgentConfig config;
    private final SguildEventEncoder encoder;
    private volatile SguildClient current;

    private AgentDelivery(AgentConfig config, Outbox outbox, Weirds weirds) {
        super(outbox, "sguild-delivery");
        this.config = config;
        this.encoder = new SguildEventEncoder(weirds);
    }

    /** Opens the outbox journal and starts delivering what it holds. */
    public static AgentDelivery start(AgentConfig config, Path journal, Weirds weirds) throws IOException {
        AgentDelivery d = new AgentDelivery(config, Outbox.open(journal, config.outboxLimits()), weirds);
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
    protected void run() {
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        while (running) {
            try (SguildClient client = SguildClient.connect(config)) {
                current = client;
                if (!running) {
                    break;
                }
                AgentInfo info = client.register();
                int dropped = outbox.resync(info.maxCid());
                confirmed.addAndGet(dropped);
                alreadyStored.addAndGet(dropped);
                connected = true;
                backoff.reset();
                LOG.info("registered with sguild as sensor {} (sid {}, maxCid {}); {} events already stored, {} pending",
                        info.sensorName(), info.sid(), info.maxCid(), dropped, outbox.depth());
                dropSilentlyRefused();
                deliver(client, info);
            } catch (IOException | RuntimeException e) {
                if (running) {
                    failure(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                connected = false;
                current = null;
            }
            if (running) {
                long delay = backoff.nextDelayMillis();
                LOG.info("reconnecting to sguild in {} ms", delay);
                pause.sleep(delay);
            }
        }
    }

    private void failure(Exception e) {
        error(e.getClass().getSimpleName() + ": " + e.getMessage());
        LOG.warn("sguild connection lost: {} ({} events pending)", lastError(), outbox.depth());
    }

    private void deliver(SguildClient client, AgentInfo info) throws IOException, InterruptedException {
        long lastHeard = System.nanoTime();
        while (running) {
            long idleLeft = config.pingInterval().toNanos() - (System.nanoTime() - lastHeard);
            if (idleLeft <= 0) {
                client.ping();
                lastHeard = System.nanoTime();
                continue;
            }
            Outbox.Entry e = outbox.next(idleLeft);
            if (e == null || !running) {
                continue;
            }
            long cid = outbox.assignCid(e);
            String line;
            try {
                line = encoder.encode(e.event(), info, cid);
            } catch (InvalidEventException ex) {
                dropForGood(e, ex.getMessage());
                continue;
            }
            sent.incrementAndGet();
            EventReply reply;
            try {
                reply = client.sendEvent(cid, line);
            } catch (SocketTimeoutException ex) {
                e.countSilentFailure();
                throw ex;
            }
            lastHeard = System.nanoTime();
            if (reply.delivered()) {
                // counted before done(), so a caller woken by an empty outbox sees the count
                confirmed.incrementAndGet();
                if (reply.kind() == EventReply.Kind.DUPLICATE) {
                    alreadyStored.incrementAndGet();
                    LOG.info("event cid {} was already stored by an earlier attempt", cid);
                }
                CrashPoint.reached(CrashPoint.AFTER_EVENT_CONFIRMED);
                outbox.done(e);
            } else {
                dropForGood(e, "sguild answered Failed {" + reply.reason() + "}");
            }
        }
    }

    /** Runs after a resync: an entry still pending there was not stored, however often it was sent. */
    private void dropSilentlyRefused() throws IOException {
        for (Outbox.Entry e : outbox.pendingEntries()) {
            if (e.silentFailures() >= config.maxSilentAttempts()) {
                dropForGood(e, "sguild never answered it in " + e.silentFailures() + " attempts and did not store it");
            }
        }
    }

    private void dropForGood(Outbox.Entry e, String why) throws IOException {
        SguilEventOut ev = e.event();
        LOG.error("dropping event cid {} ({}; rule {}, key {}, signature '{}', {} {}:{} -> {}:{}): {}", e.cid(),
                ev.getTimestamp(), ev.getRule(), ev.getEvidenceKey(), ev.getSignature(), ev.getIpProto(),
                ev.getSrcIp(), ev.getSrcPort(), ev.getDstIp(), ev.getDstPort(), why);
        failed.incrementAndGet();
        error("event cid " + e.cid() + " dropped: " + why);
        outbox.done(e);
    }
}
