package net.sguil.bridge.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import net.sguil.bridge.weird.Weirds;

/**
 * The header block of one entity, read with a hard bound before Jakarta Mail parses it, so an
 * endless header line or header block costs at most {@link MimeLimits#maxHeaderBlock()} bytes.
 */
final class HeaderBlock {
    private final InternetHeaders headers;
    private final long bodyStart;

    private HeaderBlock(InternetHeaders headers, long bodyStart) {
        this.headers = headers;
        this.bodyStart = bodyStart;
    }

    long bodyStart() {
        return bodyStart;
    }

    /** The first value of a header, unfolded and trimmed, or null. */
    String get(String name) {
        String v = headers.getHeader(name, null);
        return v == null ? null : v.replaceAll("\\r?\\n[ \\t]", " ").replaceAll("[\\r\\n]", "").trim();
    }

    /** Reads the header block of the entity starting at {@code start} (ends at the first empty line). */
    static HeaderBlock read(Spool spool, long start, long end, MimeLimits limits, Weirds weirds)
            throws IOException {
        SpoolWindow w = new SpoolWindow(spool, start, end, SpoolWindow.HEADER_WINDOW);
        long limitEnd = Math.min(w.end(), start + limits.maxHeaderBlock());
        long ls = start;
        long headerEnd;
        long bodyStart;
        boolean noColon = false;
        boolean longLine = false;
        while (true) {
            if (ls >= w.end()) {
                headerEnd = bodyStart = w.end();
                break;
            }
            int c = w.byteAt(ls);
            if (c == '\n') {
                headerEnd = ls;
                bodyStart = ls + 1;
                break;
            }
            if (c == '\r' && w.byteAt(ls + 1) == '\n') {
                headerEnd = ls;
                bodyStart = ls + 2;
                break;
            }
            long nl = w.indexOf((byte) '\n', ls, limitEnd);
            if (nl < 0) {
                if (limitEnd >= w.end()) {
                    headerEnd = bodyStart = w.end();
                } else {
                    weirds.count(MimeWeird.MIME_HEADER_BLOCK_TOO_LARGE);
                    headerEnd = bodyStart = ls;
                }
                break;
            }
            longLine |= nl - ls > limits.maxLineLength();
            noColon |= c != ' ' && c != '\t' && w.indexOf((byte) ':', ls, nl) < 0;
            ls = nl + 1;
        }
        if (noColon) {
            weirds.count(MimeWeird.MIME_HEADER_NO_COLON);
        }
        if (longLine) {
            weirds.count(MimeWeird.MIME_LONG_HEADER_LINE);
        }
        return new HeaderBlock(parse(spool, start, headerEnd, weirds), bodyStart);
    }

    private static InternetHeaders parse(Spool spool, long start, long end, Weirds weirds) throws IOException {
        int len = (int) (end - start);
        if (len <= 0) {
            return new InternetHeaders();
        }
        byte[] bytes = new byte[len];
        int n = spool.read(start, bytes, 0, len);
        try {
            return new InternetHeaders(new ByteArrayInputStream(bytes, 0, Math.max(n, 0)), true);
        } catch (MessagingException | RuntimeException e) {
            weirds.count(MimeWeird.MIME_BAD_HEADER);
            return new InternetHeaders();
        }
    }
}
