package net.sguil.bridge.analysis;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Holds one message's bytes as they come off the wire: in memory while it is small and the
 * shared {@link SpoolBudget} allows, else in a private temporary file, so a message of any size
 * costs bounded heap, and most cost no disk writes. Remembers whether any of it was lost to a gap.
 * The heap it takes (its array as it grows, a spill file's write buffer while open) is charged to
 * the budget, so a flood of messages left open costs evictions, not the process.
 */
final class MessageSpool {
    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_ARRAY = 1024;
    private static final int WRITE_BUFFER = 16 << 10;

    private final Path dir;
    private final SpoolBudget budget;
    private final int maxInMemory;
    private byte[] memory = EMPTY;
    private int memoryLength;
    private Path file;
    private OutputStream out;
    private long size;
    private long gapBytes;

    MessageSpool(Path dir, SpoolBudget budget, int maxInMemory) {
        this.dir = dir;
        this.budget = budget;
        this.maxInMemory = maxInMemory;
    }

    void write(byte[] buffer, int offset, int length) {
        try {
            if (file == null) {
                if (memoryLength + length <= maxInMemory && fits(memoryLength + length)) {
                    System.arraycopy(buffer, offset, memory, memoryLength, length);
                    memoryLength += length;
                    size += length;
                    return;
                }
                spill();
            }
            out.write(buffer, offset, length);
            size += length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + file, e);
        }
    }

    /** Grows the array to hold {@code needed} bytes if the budget allows; false to spill instead. */
    private boolean fits(int needed) {
        if (needed <= memory.length) {
            return true;
        }
        int grown = Math.min(maxInMemory, Math.max(needed, Math.max(FIRST_ARRAY, memory.length * 2)));
        if (!budget.reserve(grown - memory.length)) {
            return false;
        }
        memory = Arrays.copyOf(memory, grown);
        return true;
    }

    private void spill() throws IOException {
        file = Files.createTempFile(dir, "msg-", ".eml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        budget.hold(WRITE_BUFFER);
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), WRITE_BUFFER);
        out.write(memory, 0, memoryLength);
        budget.release(memory.length);
        memory = null;
        memoryLength = 0;
    }

    /** {@code length} bytes of the message were lost to a gap. */
    void gap(long length) {
        gapBytes += length;
    }

    /** The message is complete: the spool file (if any) is closed and ready to be read. */
    void finish() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write spool file " + file, e);
            } finally {
                out = null;
                budget.hold(-WRITE_BUFFER);
            }
        }
    }

    /** The spool file, or null when the message is held in memory ({@link #memory()}). */
    Path file() {
        return file;
    }

    byte[] memory() {
        return memory;
    }

    int memoryLength() {
        return memoryLength;
    }

    /** Gives back the heap or removes the file, once the message is analysed. */
    void discard() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        } else if (memory != null) {
            budget.release(memory.length);
            memory = null;
            memoryLength = 0;
        }
    }

    long size() {
        return size;
    }

    long gapBytes() {
        return gapBytes;
    }
}
