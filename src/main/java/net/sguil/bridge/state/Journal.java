package net.sguil.bridge.state;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of records {@code [int length][int crc32][payload]}, each appended in one
 * {@code write}. {@link #append} leaves a record in the page cache (it survives a {@code kill -9});
 * {@link #sync} forces everything appended so far to disk (it then survives a power cut too), so a
 * caller can append many records and pay for one fsync.
 *
 * <p>Replay stops at the first record that is cut short or fails its CRC: the one a crash tore
 * while it was being appended. Every record before it was complete, and a record after it was
 * never written (appends are sequential). Opening then rewrites the file from what the owner holds
 * ({@link #rewrite}), which drops the torn tail; the owner rewrites it the same way whenever it is
 * mostly made of records that no longer matter. A rewrite goes through {@link AtomicFile}, so the
 * journal's name always points at one complete file. Thread-safe.
 */
public final class Journal implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    /** Receives each intact record's payload at replay, in order. */
    @FunctionalInterface
    public interface Replay {
        void record(byte[] payload) throws IOException;
    }

    /** Writes the records that are still live, for a rewrite. */
    @FunctionalInterface
    public interface Snapshot {
        void writeTo(Replay sink) throws IOException;
    }

    private final Path file;
    private final int maxRecord;
    private FileOutputStream out;
    private long bytes;
    private long bytesAfterRewrite;
    private boolean unsynced;

    private Journal(Path file, int maxRecord) {
        this.file = file.toAbsolutePath();
        this.maxRecord = maxRecord;
    }

    /**
     * Replays the journal at {@code file} (if any) into {@code replay}, then rewrites it from
     * {@code snapshot}, ready for appending.
     *
     * @param maxRecord records claiming to be longer are taken for damage, like a bad CRC
     */
    public static Journal open(Path file, int maxRecord, Replay replay, Snapshot snapshot) throws IOException {
        Journal j = new Journal(file, maxRecord);
        Files.createDirectories(j.file.getParent());
        Files.deleteIfExists(AtomicFile.temporary(j.file));
        if (Files.exists(j.file)) {
            j.replay(replay);
        }
        j.rewrite(snapshot);
        return j;
    }

    private void replay(Replay replay) throws IOException {
        long size = Files.size(file);
        long at = 0;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (at < size) {
                byte[] payload = next(in, size - at);
                if (payload == null) {
                    LOG.warn("journal {}: record at offset {} is incomplete (a crash while appending); ignoring its {}"
                            + " bytes", file, at, size - at);
                    return;
                }
                replay.record(payload);
                at += 8 + payload.length;
            }
        }
    }

    /** The next intact record's payload, or null when the rest of the file is a torn record. */
    private byte[] next(DataInputStream in, long left) throws IOException {
        if (left < 8) {
            return null;
        }
        int length = in.readInt();
        int crc = in.readInt();
        if (length < 1 || length > maxRecord || length > left - 8) {
            return null;
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            return null;
        }
        return checksum(payload) == crc ? payload : null;
    }

    private static int checksum(byte[] payload) {
        CRC32 c = new CRC32();
        c.update(payload);
        return (int) c.getValue();
    }

    private static byte[] frame(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putInt(payload.length).putInt(checksum(payload)).put(payload);
        return b.array();
    }

    /** Appends one record in one write; it is on disk after the next {@link #sync}. */
    public synchronized void append(byte[] payload) throws IOException {
        if (payload.length < 1 || payload.length > maxRecord) {
            throw new IllegalArgumentException("journal record of " + payload.length + " bytes");
        }
        byte[] r = frame(payload);
        out.write(r);
        bytes += r.length;
        unsynced = true;
    }

    /** Forces every record appended so far to disk. */
    public synchronized void sync() throws IOException {
        if (unsynced) {
            out.getFD().sync();
            unsynced = false;
        }
    }

    /** Appends and syncs. */
    public synchronized void appendDurably(byte[] payload) throws IOException {
        append(payload);
        sync();
    }

    /** True when the journal is past {@code threshold} bytes and mostly made of what the last rewrite dropped. */
    public synchronized boolean wantsRewrite(long threshold) {
        return bytes > Math.max(threshold, 2 * bytesAfterRewrite);
    }

    /** Replaces the journal with the live records {@code snapshot} writes (durably), then appends after them. */
    public synchronized void rewrite(Snapshot snapshot) throws IOException {
        long[] written = {0};
        if (out != null) {
            out.close();
        }
        try {
            AtomicFile.write(file, AtomicFile.OWNER_ONLY, o -> snapshot.writeTo(payload -> {
                byte[] r = frame(payload);
                o.write(r);
                written[0] += r.length;
            }));
            bytes = written[0];
            bytesAfterRewrite = bytes;
            unsynced = false;
        } finally {
            // after a failed rewrite this reopens the old journal, which is still complete; a sync
            // through the new descriptor still forces what was appended through the old one
            out = new FileOutputStream(file.toFile(), true);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            sync();
            out.close();
            out = null;
        }
    }
}
