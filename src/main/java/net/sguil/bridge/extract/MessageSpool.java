package net.sguil.bridge.extract;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.BiConsumer;
import net.sguil.bridge.smtp.MessageBody;
import net.sguil.bridge.smtp.MessageOutcome;
import net.sguil.bridge.smtp.SmtpEnvelope;

/**
 * Writes one message's bytes to a private temporary file as they come off the wire, so that a
 * message of any size costs no heap, and remembers whether any of it was lost to a gap.
 */
final class MessageSpool implements MessageBody {
    private final Path file;
    private final OutputStream out;
    private final BiConsumer<MessageSpool, SpoolEnd> onEnd;
    private long size;
    private long gapBytes;

    /** How the message ended, for whoever analyses the spooled file. */
    record SpoolEnd(MessageOutcome outcome, SmtpEnvelope envelope) {
    }

    MessageSpool(Path dir, BiConsumer<MessageSpool, SpoolEnd> onEnd) {
        this.onEnd = onEnd;
        try {
            this.file = Files.createTempFile(dir, "msg-", ".eml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + dir, e);
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        try {
            out.write(buffer, offset, length);
            size += length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + file, e);
        }
    }

    @Override
    public void gap(long length) {
        gapBytes += length;
    }

    @Override
    public void end(MessageOutcome outcome, SmtpEnvelope envelope) {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + file, e);
        }
        onEnd.accept(this, new SpoolEnd(outcome, envelope));
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    long gapBytes() {
        return gapBytes;
    }
}
