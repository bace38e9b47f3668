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
 */
final class MessageSpool {
    private final Path dir;
    private final SpoolBudget budget;
    private final int maxInMemory;
    private byte[] memory = new byte[8192];
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
                if (memoryLength + length <= maxInMemory && budget.reserve(length)) {
                    if (memoryLength + length > memory.length) {
                        memory = Arrays.copyOf(memory, Math.min(maxInMemory,
                                Math.max(memory.length * 2, memoryLength + length)));
                    }
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

    private void spill() throws IOException {
        file = Files.createTempFile(dir, "msg-", ".eml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16);
        out.write(memory, 0, memoryLength);
        budget.release(memoryLength);
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
        } else {
            budget.release(memoryLength);
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
