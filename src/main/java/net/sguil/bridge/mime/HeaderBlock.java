package net.sguil.bridge.mime;

import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import net.sguil.bridge.weird.Weirds;

/**
 * The header block of one entity, read with a hard bound before Jakarta Mail parses it, so an
 * endless header line or header block costs at most {@link MimeLimits#maxHeaderBlock()} bytes.
 */
final class HeaderBlock {
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");
    private final InternetHeaders headers;
    private final long bodyStart;

    private HeaderBlock(InternetHeaders headers, long bodyStart) {
        this.headers = headers;
        this.bodyStart = bodyStart;
    }

    InternetHeaders headers() {
        return headers;
    }

    long bodyStart() {
        return bodyStart;
    }

    /** The first value of a header, unfolded and trimmed, or null. */
    String get(String name) {
        String v = headers.getHeader(name, null);
        return v == null ? null : LINE_BREAK.matcher(FOLD.matcher(v).replaceAll(" ")).replaceAll("").trim();
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
                    weirds.count("mime.header_block_too_large");
                    headerEnd = bodyStart = ls;
                }
                break;
            }
            longLine |= nl - ls > limits.maxLineLength();
            noColon |= c != ' ' && c != '\t' && w.indexOf((byte) ':', ls, nl) < 0;
            ls = nl + 1;
        }
        if (noColon) {
            weirds.count("mime.header_no_colon");
        }
        if (longLine) {
            weirds.count("mime.long_header_line");
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
            return parse(bytes, Math.max(n, 0));
        } catch (RuntimeException e) {
            weirds.count("mime.bad_header");
            return new InternetHeaders();
        }
    }

    /**
     * The header fields of {@code b[0, len)} as {@code new InternetHeaders(in, true)} reads them:
     * lines end at LF, CRLF, CR CR LF or a lone CR, are UTF-8, and stop at the first empty one; a
     * line starting with white space continues the field before it (or, first of all, is a field
     * of its own if anything but white space). Done here because that constructor looks its line
     * reader up through {@code ServiceLoader} on every call: a scan of the class path per MIME part.
     */
    static InternetHeaders parse(byte[] b, int len) {
        InternetHeaders h = new Fields();
        String field = null;
        StringBuilder folded = new StringBuilder();
        boolean first = true;
        int i = 0;
        while (i < len) {
            int e = i;
            while (e < len && b[e] != '\n' && b[e] != '\r') {
                e++;
            }
            String line = new String(b, i, e - i, StandardCharsets.UTF_8);
            i = e + lineBreak(b, e, len);
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (field != null) {
                    folded.append(field);
                    field = null;
                }
                if (first) {
                    folded.append(line.trim());
                } else {
                    if (folded.length() > 0) {
                        folded.append("\r\n");
                    }
                    folded.append(line);
                }
            } else {
                add(h, field, folded);
                field = line;
            }
            first = false;
        }
        add(h, field, folded);
        return h;
    }

    private static void add(InternetHeaders h, String field, StringBuilder folded) {
        if (field != null) {
            h.addHeaderLine(field);
        } else if (folded.length() > 0) {
            h.addHeaderLine(folded.toString());
            folded.setLength(0);
        }
    }

    /** Without the placeholders of {@code new InternetHeaders()}, as the stream constructor starts. */
    private static final class Fields extends InternetHeaders {
        Fields() {
            headers.clear();
        }
    }

    /** Bytes of the line break at {@code e}: LF, CRLF and CR CR LF are one break, a lone CR too. */
    private static int lineBreak(byte[] b, int e, int len) {
        if (e + 1 < len && b[e] == '\r' && b[e + 1] == '\n') {
            return 2;
        }
        if (e + 2 < len && b[e] == '\r' && b[e + 1] == '\r' && b[e + 2] == '\n') {
            return 3;
        }
        return 1;
    }
}
