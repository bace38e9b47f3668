package net.sguil.bridge.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.state.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox behind exactly-once delivery (SGUIL.md section 3, "Delivering every event
 * exactly once"), for sguild and the direct database writer alike. One producer side
 * ({@link #submit}, {@link #sync}) and one delivering thread ({@link #next}, {@link #assignCid},
 * {@link #done}, {@link #resync}).
 *
 * <h2>Journal</h2>
 * A {@link Journal} of records {@code [byte type][payload]}:
 * <ul>
 * <li>{@code STATE nextId lastCid}: first record of every journal file (written by a rewrite);</li>
 * <li>{@code ENQUEUE id event}: a new event, in submission order;</li>
 * <li>{@code ASSIGN id cid}: the event's cid, on disk before the event is first sent;</li>
 * <li>{@code DONE id}: the event is stored in Sguil (or refused for good);</li>
 * <li>{@code SEEN_ID id}: written by a rewrite, one per remembered conclusion already delivered (the
 * {@link ConclusionId}'s 32 bytes).</li>
 * </ul>
 * A conclusion is identified by its {@link ConclusionId}. The outbox remembers the most recent
 * {@link OutboxLimits#rememberedConclusions()} of them and {@link #submit} refuses one it already
 * holds: after a crash the bridge re-reads the rows it had not yet marked as read, its rules
 * conclude the same again, and the journal is the one place that knows it was already accepted.
 * The journal is rewritten at open and whenever it outgrows {@link OutboxLimits#compactAfterBytes()}
 * and is mostly finished entries.
 *
 * <h2>What is forced to disk when</h2>
 * {@code ENQUEUE} is appended without an fsync: it survives a {@code kill -9} at once (the page
 * cache outlives the process) and a power cut after {@link #sync}, which the daemon calls before a
 * reader records the rows behind the event as read; so many conclusions share one fsync. {@code
 * ASSIGN} is forced before the first send, which forces every earlier record too, so nothing is
 * ever sent that the journal could forget. {@code DONE} is not forced: a lost {@code DONE} leaves
 * an entry whose cid is at most sguild's maxCid, which the next {@link #resync} drops unsent.
 *
 * <h2>Why a {@code kill -9} at any instant loses nothing and duplicates nothing</h2>
 * <ul>
 * <li><b>During {@code submit}</b>: the record is either complete (then the event is delivered once,
 * like any other) or torn (then replay ignores it, and the reader had not moved past its rows).</li>
 * <li><b>After {@code submit}, before the first send</b>: replay restores the entry without a cid
 * and it is sent after restart.</li>
 * <li><b>While ASSIGN is being written</b>: nothing has been sent yet. A torn ASSIGN leaves the entry
 * unnumbered; it gets a fresh cid after restart, above every cid ever persisted (and above sguild's
 * maxCid), so no cid is reused.</li>
 * <li><b>After ASSIGN, anywhere between sending the line and writing DONE</b>: Sguil has stored the
 * event or not. After restart the entry comes back with its persisted cid and original timestamp;
 * {@link #resync} after {@code RegisterAgent} drops it when {@code cid <= maxCid} (sguild processes one
 * connection in order and our cids increase, so maxCid at least cid means it is stored) and it is
 * resent with the same cid otherwise. Should a resend still meet the stored row on the same day,
 * sguild answers "Duplicate entry", which counts as delivered, not as a new row.</li>
 * <li><b>While DONE is being written</b>: a torn DONE leaves the entry pending with its cid; the
 * previous case applies.</li>
 * <li><b>During a rewrite</b>: the journal's name points at the old or the new complete file
 * ({@link Journal}), and either holds every pending entry and the cid high-water mark.</li>
 * </ul>
 * Cids are given to several waiting entries in one forced write ({@link #assignCid}); they are sent
 * in the same order, so the stored prefix is still exactly {@code cid <= maxCid}.
 * Assumption: the (sensor name, agent type) pair is used by this outbox alone; another writer of the
 * same sid would make maxCid mean something else.
 */
public final class Outbox implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final byte STATE = 1;
    private static final byte ENQUEUE = 2;
    private static final byte ASSIGN = 3;
    private static final byte DONE = 4;
    /** A remembered conclusion as journals before {@link #SEEN_ID} wrote it (read only). */
    private static final byte SEEN = 5;
    private static final byte SEEN_ID = 6;
    private static final int MAX_RECORD = 1 << 20;
    /** Cids handed out per forced write: bounds the cids a crash can leave unused. */
    private static final int ASSIGN_AHEAD = 64;

    /** An event waiting in the outbox; {@code cid} is 0 until its first send is prepared. */
    public static final class Entry {
        private final long id;
        private final SguilEventOut event;
        private long cid;
        private int silentFailures;
        private boolean checked;

        private Entry(long id, SguilEventOut event) {
            this.id = id;
            this.event = event;
        }

        public long id() { return id; }
        public SguilEventOut event() { return event; }
        public synchronized long cid() { return cid; }
        /** Sends of this entry that met no reply at all; kept in memory only. */
        public synchronized int silentFailures() { return silentFailures; }
        synchronized void countSilentFailure() { silentFailures++; }

        /** True the first time only: whatever is counted per event is counted once per process. */
        synchronized boolean firstCheck() {
            boolean first = !checked;
            checked = true;
            return first;
        }
    }

    private final Path path;
    private final OutboxLimits config;
    private final LinkedHashMap<Long, Entry> pending = new LinkedHashMap<>();
    private final LinkedHashMap<String, Boolean> seen;
    private Journal journal;
    private long nextId = 1;
    private long lastCid;
    private boolean closed;

    private Outbox(Path journal, OutboxLimits config) {
        this.path = journal.toAbsolutePath();
        this.config = config;
        int remembered = config.rememberedConclusions();
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Opens (or creates) the journal, replays it and rewrites it. */
    public static Outbox open(Path journal, OutboxLimits config) throws IOException {
        Outbox o = new Outbox(journal, config);
        synchronized (o) {
            o.journal = Journal.open(o.path, MAX_RECORD, o::apply, o::snapshot);
        }
        LOG.info("outbox {}: {} pending events, last cid {}", o.path, o.pending.size(), o.lastCid);
        return o;
    }

    private void apply(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record, 1, record.length - 1));
        switch (record[0]) {
            case STATE -> {
                nextId = Math.max(nextId, in.readLong());
                lastCid = Math.max(lastCid, in.readLong());
            }
            case ENQUEUE -> {
                long id = in.readLong();
                Entry e = new Entry(id, OutboxEventCodec.decode(in));
                pending.put(id, e);
                remember(e.event());
                nextId = Math.max(nextId, id + 1);
            }
            case SEEN -> {
                in.readLong();
                seen.put(ConclusionId.fromJournal(in.readUTF()), Boolean.TRUE);
            }
            case SEEN_ID -> seen.put(HexFormat.of().formatHex(in.readNBytes(32)), Boolean.TRUE);
            case ASSIGN -> {
                Entry e = pending.get(in.readLong());
                long cid = in.readLong();
                if (e != null) {
                    e.cid = cid;
                }
                lastCid = Math.max(lastCid, cid);
            }
            case DONE -> pending.remove(in.readLong());
            default -> throw new IOException("outbox journal " + path + " has a record of unknown type " + record[0]);
        }
    }

    /**
     * Appends the event and returns its outbox id; from then on it will be delivered once (see the
     * class comment for when it is forced to disk). Returns -1, and stores nothing, when the same
     * conclusion (rule and evidence key) was submitted before or is {@linkplain #remember known} to Sguil.
     */
    public synchronized long submit(SguilEventOut event) throws IOException {
        ensureOpen();
        String key = ConclusionId.of(event);
        if (key != null && seen.containsKey(key)) {
            return -1;
        }
        if (pending.size() >= config.maxPendingEvents()) {
            throw new OutboxFullException("outbox holds " + pending.size() + " undelivered events, the configured maximum");
        }
        long id = nextId;
        journal.append(record(ENQUEUE, id, OutboxEventCodec.encode(event), -1));
        nextId++;
        pending.put(id, new Entry(id, event));
        remember(event);
        notifyAll();
        return id;
    }

    /** Forces every submitted event to disk. Called outside the lock: producers keep appending meanwhile. */
    public void sync() throws IOException {
        journal().sync();
    }

    private synchronized Journal journal() throws IOException {
        ensureOpen();
        return journal;
    }

    /** Conclusions Sguil already holds: a later submit of one of them is refused. */
    public synchronized void remember(Collection<String> conclusionIds) {
        for (String id : conclusionIds) {
            seen.put(id, Boolean.TRUE);
        }
    }

    private void remember(SguilEventOut event) {
        String key = ConclusionId.of(event);
        if (key != null) {
            seen.put(key, Boolean.TRUE);
        }
    }

    /** The oldest pending entry, waiting up to {@code timeoutNanos} for one; null if none came or on {@link #wake()}. */
    public synchronized Entry next(long timeoutNanos) throws InterruptedException {
        if (pending.isEmpty() && timeoutNanos > 0 && !closed) {
            wait(Math.max(1, timeoutNanos / 1_000_000));
        }
        return pending.isEmpty() ? null : pending.values().iterator().next();
    }

    /** Wakes a thread blocked in {@link #next} or {@link #awaitEmpty}. */
    public synchronized void wake() {
        notifyAll();
    }

    /**
     * Gives the entry its cid unless it has one, together with the entries queued behind it that
     * have none yet, in one forced write; cids only grow, in delivery order.
     */
    public synchronized long assignCid(Entry e) throws IOException {
        ensureOpen();
        if (e.cid() == 0) {
            boolean from = false;
            int given = 0;
            for (Entry x : pending.values()) {
                from |= x == e;
                if (from && x.cid() == 0 && given < ASSIGN_AHEAD) {
                    long cid = lastCid + 1;
                    journal.append(record(ASSIGN, x.id, null, cid));
                    lastCid = cid;
                    synchronized (x) {
                        x.cid = cid;
                    }
                    given++;
                }
            }
            journal.sync();
        }
        return e.cid();
    }

    /** The entry is delivered or refused for good. */
    public synchronized void done(Entry e) throws IOException {
        ensureOpen();
        if (pending.remove(e.id) != null) {
            journal.append(record(DONE, e.id, null, -1));
            notifyAll();
            if (journal.wantsRewrite(config.compactAfterBytes())) {
                journal.rewrite(this::snapshot);
            }
        }
    }

    /**
     * After {@code RegisterAgent}: drops every entry Sguil already stored ({@code cid <= maxCid}) and
     * numbers new entries above maxCid. Returns how many were dropped.
     */
    public synchronized int resync(long maxCid) throws IOException {
        ensureOpen();
        List<Entry> stored = new ArrayList<>();
        for (Entry e : pending.values()) {
            if (e.cid() > 0 && e.cid() <= maxCid) {
                stored.add(e);
            }
        }
        for (Entry e : stored) {
            done(e);
        }
        lastCid = Math.max(lastCid, maxCid);
        return stored.size();
    }

    /** Waits until nothing is pending; true if that happened within the timeout. */
    public synchronized boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!pending.isEmpty() && !closed) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return pending.isEmpty();
    }

    public synchronized int depth() {
        return pending.size();
    }

    public synchronized long lastAssignedCid() {
        return lastCid;
    }

    /** Pending entries in delivery order (a copy). */
    public synchronized List<Entry> pendingEntries() {
        return new ArrayList<>(pending.values());
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            notifyAll();
            journal.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("outbox " + path + " is closed");
        }
    }

    private static byte[] record(byte type, long id, byte[] body, long cid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + (body == null ? 0 : body.length));
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeByte(type);
            d.writeLong(id);
            if (body != null) {
                d.write(body);
            }
            if (cid >= 0) {
                d.writeLong(cid);
            }
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    /** What a rewritten journal holds: the cid high-water mark, the remembered conclusions, the pending entries. */
    private void snapshot(Journal.Replay out) throws IOException {
        out.record(record(STATE, nextId, null, lastCid));
        Set<String> pendingKeys = new HashSet<>();
        for (Entry e : pending.values()) {
            pendingKeys.add(ConclusionId.of(e.event()));
        }
        for (String key : seen.keySet()) {
            if (!pendingKeys.contains(key)) {
                byte[] r = new byte[33];
                r[0] = SEEN_ID;
                System.arraycopy(HexFormat.of().parseHex(key), 0, r, 1, 32);
                out.record(r);
            }
        }
        for (Entry e : pending.values()) {
            out.record(record(ENQUEUE, e.id, OutboxEventCodec.encode(e.event), -1));
            if (e.cid() > 0) {
                out.record(record(ASSIGN, e.id, null, e.cid()));
            }
        }
    }
}
