package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the files a {@link MessageAnalyzer} finds, the way mime4j's parser reports to its
 * {@code ContentHandler}: the analyzer decodes, the handler decides what becomes of the bytes.
 * Called on the analysing thread, once per file, in the order the files appear in the message.
 */
@FunctionalInterface
public interface FileHandler {
    /**
     * @param decoded the file's decoded bytes, already cut at {@link MimeLimits#maxStoredSize()}; read
     *        them before returning (what is left unread is not analysed); do not close
     * @return where the file went, as it should appear in the skeleton ({@code Body-file:})
     * @throws IOException when storing fails; the analysis of the message stops with it
     */
    String file(MimeFile file, InputStream decoded) throws IOException;
}
