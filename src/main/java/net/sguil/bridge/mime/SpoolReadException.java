package net.sguil.bridge.mime;

import java.io.IOException;

/** Reading the spooled message from disk failed: a real I/O error, never a property of the message. */
final class SpoolReadException extends IOException {
    SpoolReadException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
