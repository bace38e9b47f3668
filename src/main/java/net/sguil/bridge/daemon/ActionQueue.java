package net.sguil.bridge.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.facts.AnalystRequest;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.state.Durable;
import net.sguil.bridge.state.Journal;

/**
 * The rules' pcap requests, kept in a {@link Journal} so that none is lost to a crash: a request is
 * appended when the rules raise it, forced to disk ({@link #sync}) before the reader records the
 * rows that raised it as read, and leaves the journal ({@link #done}) only once the facts its
 * analysis found are in the engine and their conclusions in the outbox. After a crash the requests
 * still pending are analysed again; what they conclude again the outbox refuses as already known.
 * Bounded: a request beyond the capacity is refused (and counted by the caller). Thread-safe.
 */
final class ActionQueue implements Closeable, Durable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte ENQUEUE = 1;
    private static final byte DONE = 2;
    private static final byte NEXT_ID = 3;
    private static final int MAX_RECORD = 64 * 1024;
    private static final long REWRITE_AFTER_BYTES = 1 << 20;

    /** A request and its journal id, which names its output directory across restarts. */
    record Pending(long id, ExtractSession request) {
    }

    /** The journal form of a request; {@code asked} is absent in the records of older versions. */
    record Stored(String kind, String sensor, String srcIp, int srcPort, String dstIp, int dstPort,
                          String start, String end, String reason, Asked asked) {
        static Stored of(ExtractSession r) {
            return new Stored(r.getKind(), r.getSensor(), r.getSrcIp(), r.getSrcPort(), r.getDstIp(), r.getDstPort(),
                    r.getStartTime().toString(), r.getEndTime() == null ? null : r.getEndTime().toString(),
                    r.getReason(), Asked.of(r.getAsked()));
        }

        ExtractSession request() {
            return new ExtractSession(kind, sensor, srcIp, srcPort, dstIp, dstPort, Instant.parse(start),
                    end == null ? null : Instant.parse(end), reason, asked == null ? null : asked.request());
        }
    }

    /** The journal form of an analyst's request. */
    record Asked(int sid, long cid, String signature, String alertTime, String analyst, String key) {
        static Asked of(AnalystRequest a) {
            return a == null ? null
                    : new Asked(a.getSid(), a.getCid(), a.getSignature(), a.getAlertTime().toString(), a.getAnalyst(),
                            a.getKey());
        }

        AnalystRequest request() {
            return new AnalystRequest(sid, cid, signature, Instant.parse(alertTime), analyst, key);
        }
    }

    private final int capacity;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final List<Pending> replayed;
    private final Journal journal;
    private long nextId = 1;
    private boolean closed;

    private ActionQueue(Path file, int capacity) throws IOException {
        this.capacity = capacity;
        this.journal = Journal.open(file, MAX_RECORD, this::apply, this::snapshot);
        this.replayed = List.copyOf(pending.values());
        waiting.addAll(replayed);
    }

    static ActionQueue open(Path file, int capacity) throws IOException {
        return new ActionQueue(file, capacity);
    }

    private void apply(byte[] r) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(r, 1, r.length - 1);
        long id = b.getLong();
        switch (r[0]) {
            case ENQUEUE -> {
                byte[] json = Arrays.copyOfRange(r, 9, r.length);
                pending.put(id, new Pending(id, JSON.readValue(json, Stored.class).request()));
                nextId = Math.max(nextId, id + 1);
            }
            case DONE -> pending.remove(id);
            case NEXT_ID -> nextId = Math.max(nextId, id);
            default -> throw new IOException("action journal has a record of unknown type " + r[0]);
        }
    }

    private void snapshot(Journal.Replay out) throws IOException {
        out.record(record(NEXT_ID, nextId, null));
        for (Pending p : pending.values()) {
            out.record(record(ENQUEUE, p.id(), JSON.writeValueAsBytes(Stored.of(p.request()))));
        }
    }

    private static byte[] record(byte type, long id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(9 + (body == null ? 0 : body.length));
        out.write(type);
        out.writeBytes(ByteBuffer.allocate(8).putLong(id).array());
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The requests a previous run left unfinished, as found at open. */
    List<Pending> replayed() {
        return replayed;
    }

    /** Appends a request; null, and nothing stored, when the queue is at its capacity. */
    synchronized Pending offer(ExtractSession request) throws IOException {
        if (pending.size() >= capacity) {
            return null;
        }
        Pending p = new Pending(nextId++, request);
        byte[] r = record(ENQUEUE, p.id(), JSON.writeValueAsBytes(Stored.of(request)));
        if (r.length > MAX_RECORD) {
            throw new IOException("pcap request too large for the action journal (" + r.length + " bytes)");
        }
        journal.append(r);
        pending.put(p.id(), p);
        waiting.add(p);
        notifyAll();
        return p;
    }

    /** The next request not yet handed out, waiting up to {@code millis}; null if none came or the queue closed. */
    synchronized Pending take(long millis) throws InterruptedException {
        if (waiting.isEmpty() && !closed) {
            wait(millis);
        }
        return waiting.poll();
    }

    /** The request is finished: its outcome is durable elsewhere, or it was given up. */
    synchronized void done(Pending p) throws IOException {
        if (pending.remove(p.id()) != null) {
            journal.append(record(DONE, p.id(), null));
            if (journal.wantsRewrite(REWRITE_AFTER_BYTES)) {
                journal.rewrite(this::snapshot);
            }
        }
    }

    @Override
    public void sync() throws IOException {
        journal.sync();
    }

    /** Requests not finished: waiting or being analysed. */
    synchronized int size() {
        return pending.size();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        notifyAll();
        journal.close();
    }
}
