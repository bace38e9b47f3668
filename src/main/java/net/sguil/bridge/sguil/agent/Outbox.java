package net.sguil.bridge.sguil.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.CRC32;

import net.sguil.bridge.facts.SguilEventOut;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox behind exactly-once delivery to sguild (SGUIL.md section 3, "Delivering every
 * event exactly once"). One producer side ({@link #submit}) and one delivering thread
 * ({@link #next}, {@link #assignCid}, {@link #done}, {@link #resync}).
 *
 * <h2>Journal</h2>
 * An append-only file of records {@code [int length][int crc32][byte type][payload]}, each written in
 * one {@code write} and followed by {@code fsync} before the call returns:
 * <ul>
 * <li>{@code STATE nextId lastCid}: first record of every journal file (written by compaction);</li>
 * <li>{@code ENQUEUE id event}: a new event, in submission order;</li>
 * <li>{@code ASSIGN id cid}: the event's cid, persisted before the event is first sent;</li>
 * <li>{@code DONE id}: the event is stored in sguild (or refused for good).</li>
 * <li>{@code SEEN key}: written by compaction, one per remembered conclusion already delivered.</li>
 * </ul>
 * A conclusion is identified by its rule and evidence key. The outbox remembers the most recent
 * {@link OutboxLimits#rememberedConclusions()} of them and {@link #submit} refuses one it already
 * holds: after a crash the bridge re-reads the rows it had not yet marked as read, its rules
 * conclude the same again, and the journal, written in the same fsync as the event itself, is the
 * one place that knows it was already accepted.
 * Replay applies the records in order and stops at the first record that is cut short or fails its
 * CRC: that is the one a crash tore while it was being appended, and since every earlier record was
 * fsynced before a later one was started, nothing after it was ever acknowledged. Opening then
 * compacts: the pending entries and the cid high-water mark are written to {@code <journal>.tmp},
 * which is fsynced, renamed over the journal atomically, and the directory fsynced. The journal is
 * compacted the same way whenever it outgrows {@link OutboxLimits#compactAfterBytes()} and is mostly
 * finished entries.
 *
 * <h2>Why a {@code kill -9} at any instant loses nothing and duplicates nothing</h2>
 * <ul>
 * <li><b>During {@code submit}, before its fsync returns</b>: the caller has no acknowledgement; the
 * record is either complete (then the event is delivered once, like any other) or torn (then replay
 * ignores it and the event was never accepted). Never both, never twice.</li>
 * <li><b>After {@code submit} returned, before the first send</b>: the ENQUEUE is on disk; replay
 * restores the entry without a cid and it is sent after restart.</li>
 * <li><b>While ASSIGN is being written</b>: nothing has been sent yet. A torn ASSIGN leaves the entry
 * unnumbered; it gets a fresh cid after restart, above every cid ever persisted (and above sguild's
 * maxCid), so no cid is reused.</li>
 * <li><b>After ASSIGN, anywhere between sending the line and writing DONE</b>: sguild has stored the
 * event or not. After restart the entry comes back with its persisted cid and original timestamp;
 * {@link #resync} after {@code RegisterAgent} drops it when {@code cid <= maxCid} (sguild processes one
 * connection in order and our cids increase, so maxCid at least cid means it is stored) and it is
 * resent with the same cid otherwise. Should a resend still meet the stored row on the same day,
 * sguild answers "Duplicate entry", which counts as delivered, not as a new row.</li>
 * <li><b>While DONE is being written</b>: a torn DONE leaves the entry pending with its cid; the
 * previous case applies (its cid is at most maxCid, so it is dropped without a send; an entry refused
 * for good is sent once more and refused again, which stores nothing).</li>
 * <li><b>During compaction</b>: until the rename, the old journal is complete and authoritative, and
 * a left-over {@code .tmp} is deleted on open; after the rename, the new file holds exactly the
 * pending entries and the cid high-water mark, which is all replay needs. Rename is atomic, so the
 * journal name always points at one complete file.</li>
 * </ul>
 * Assumption: the (sensor name, agent type) pair is used by this outbox alone; another writer of the
 * same sid would make maxCid mean something else.
 */
public final class Outbox implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final byte STATE = 1;
    private static final byte ENQUEUE = 2;
    private static final byte ASSIGN = 3;
    private static final byte DONE = 4;
    private static final byte SEEN = 5;
    private static final int MAX_RECORD = 1 << 20;

    /** An event waiting in the outbox; {@code cid} is 0 until its first send is prepared. */
    public static final class Entry {
        private final long id;
        private final SguilEventOut event;
        private long cid;
        private int silentFailures;

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
    }

    private final Path journal;
    private final Path temp;
    private final OutboxLimits config;
    private final LinkedHashMap<Long, Entry> pending = new LinkedHashMap<>();
    private final LinkedHashMap<String, Boolean> seen;
    private FileOutputStream out;
    private long journalBytes;
    private long liveBytesAfterCompaction;
    private long nextId = 1;
    private long lastCid;
    private boolean closed;

    private Outbox(Path journal, OutboxLimits config) {
        this.journal = journal.toAbsolutePath();
        this.temp = this.journal.resolveSibling(this.journal.getFileName() + ".tmp");
        this.config = config;
        int remembered = config.rememberedConclusions();
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Opens (or creates) the journal, replays it and compacts it. */
    public static Outbox open(Path journal, OutboxLimits config) throws IOException {
        Outbox o = new Outbox(journal, config);
        Files.createDirectories(o.journal.getParent());
        Files.deleteIfExists(o.temp);
        if (Files.exists(o.journal)) {
            o.replay(Files.readAllBytes(o.journal));
        }
        synchronized (o) {
            o.compact();
        }
        LOG.info("outbox {}: {} pending events, last cid {}", o.journal, o.pending.size(), o.lastCid);
        return o;
    }

    private void replay(byte[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.remaining() > 0) {
            int at = buf.position();
            if (buf.remaining() < 9) {
                tornAt(at, data.length);
                return;
            }
            int length = buf.getInt();
            int crc = buf.getInt();
            if (length < 1 || length > MAX_RECORD || length > buf.remaining()) {
                tornAt(at, data.length);
                return;
            }
            CRC32 check = new CRC32();
            check.update(data, buf.position(), length);
            if ((int) check.getValue() != crc) {
                tornAt(at, data.length);
                return;
            }
            byte[] record = new byte[length];
            buf.get(record);
            apply(record);
        }
    }

    private void tornAt(int offset, int size) {
        LOG.warn("outbox journal {}: record at offset {} is incomplete (a crash while appending); ignoring its {} bytes",
                journal, offset, size - offset);
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
                seen.put(in.readUTF(), Boolean.TRUE);
            }
            case ASSIGN -> {
                Entry e = pending.get(in.readLong());
                long cid = in.readLong();
                if (e != null) {
                    e.cid = cid;
                }
                lastCid = Math.max(lastCid, cid);
            }
            case DONE -> pending.remove(in.readLong());
            default -> throw new IOException("outbox journal " + journal + " has a record of unknown type " + record[0]);
        }
    }

    /**
     * Persists the event (fsynced) and returns its outbox id; from then on it will be delivered once.
     * Returns -1, and stores nothing, when the same conclusion (rule and evidence key) was submitted before.
     */
    public synchronized long submit(SguilEventOut event) throws IOException {
        ensureOpen();
        String key = conclusionKey(event);
        if (key != null && seen.containsKey(key)) {
            return -1;
        }
        if (pending.size() >= config.maxPendingEvents()) {
            throw new OutboxFullException("outbox holds " + pending.size() + " undelivered events, the configured maximum");
        }
        long id = nextId;
        byte[] body = OutboxEventCodec.encode(event);
        append(record(ENQUEUE, id, body, -1));
        nextId++;
        pending.put(id, new Entry(id, event));
        remember(event);
        notifyAll();
        return id;
    }

    private void remember(SguilEventOut event) {
        String key = conclusionKey(event);
        if (key != null) {
            seen.put(key, Boolean.TRUE);
        }
    }

    /** Null for an event without evidence key: such events are never de-duplicated. Long keys are hashed. */
    private static String conclusionKey(SguilEventOut event) {
        if (event.getEvidenceKey() == null) {
            return null;
        }
        String key = event.getRule() + "\u0000" + event.getEvidenceKey();
        if (key.length() <= 1000) {
            return key;
        }
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

    /** Gives the entry its cid (persisted before returning) unless it has one; cids only grow. */
    public synchronized long assignCid(Entry e) throws IOException {
        ensureOpen();
        if (e.cid() == 0) {
            long cid = lastCid + 1;
            append(record(ASSIGN, e.id, null, cid));
            lastCid = cid;
            synchronized (e) {
                e.cid = cid;
            }
        }
        return e.cid();
    }

    /** The entry is delivered or refused for good. */
    public synchronized void done(Entry e) throws IOException {
        ensureOpen();
        if (pending.remove(e.id) != null) {
            append(record(DONE, e.id, null, -1));
            notifyAll();
            if (journalBytes > Math.max(config.compactAfterBytes(), 2 * liveBytesAfterCompaction)) {
                compact();
            }
        }
    }

    /**
     * After {@code RegisterAgent}: drops every entry sguild already stored ({@code cid <= maxCid}) and
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
            out.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("outbox " + journal + " is closed");
        }
    }

    private static byte[] record(byte type, long id, byte[] body, long cid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + (body == null ? 0 : body.length));
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeInt(0);
            d.writeInt(0);
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
        byte[] r = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(r, 8, r.length - 8);
        ByteBuffer.wrap(r).putInt(r.length - 8).putInt((int) crc.getValue());
        return r;
    }

    private static byte[] utf(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeUTF(s);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    /** One write, then fsync: the record is durable, or torn at the tail, when this returns or dies. */
    private void append(byte[] r) throws IOException {
        out.write(r);
        out.getFD().sync();
        journalBytes += r.length;
    }

    /** The journal holds what the analysts will see about other people's traffic: not for other local users. */
    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private void compact() throws IOException {
        long live = 0;
        try (FileOutputStream tmp = new FileOutputStream(temp.toFile())) {
            ownerOnly(temp);
            byte[] state = record(STATE, nextId, null, lastCid);
            tmp.write(state);
            live += state.length;
            java.util.Set<String> pendingKeys = new java.util.HashSet<>();
            for (Entry e : pending.values()) {
                pendingKeys.add(conclusionKey(e.event()));
            }
            for (String key : seen.keySet()) {
                if (!pendingKeys.contains(key)) {
                    byte[] r = record(SEEN, 0, utf(key), -1);
                    tmp.write(r);
                    live += r.length;
                }
            }
            for (Entry e : pending.values()) {
                byte[] enq = record(ENQUEUE, e.id, OutboxEventCodec.encode(e.event), -1);
                tmp.write(enq);
                live += enq.length;
                if (e.cid() > 0) {
                    byte[] assign = record(ASSIGN, e.id, null, e.cid());
                    tmp.write(assign);
                    live += assign.length;
                }
            }
            tmp.getFD().sync();
        }
        if (out != null) {
            out.close();
        }
        try {
            Files.move(temp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(journal.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
            journalBytes = live;
            liveBytesAfterCompaction = live;
        } finally {
            // after a failed rename this reopens the old journal, which is still complete
            out = new FileOutputStream(journal.toFile(), true);
        }
    }
}
