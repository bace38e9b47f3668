package net.sguil.bridge.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.sguil.bridge.weird.Weirds;

/**
 * The header block of one entity, read line by line with hard bounds; the lines kept are split into
 * fields here, each line read as UTF-8 when it is valid UTF-8 and as ISO-8859-1 otherwise, as Jakarta
 * Mail's {@code InternetHeaders} reads them with UTF-8 allowed (which looks up a service provider on
 * every block: a message of a million tiny entities took a minute). A limit skips lines, never
 * the structure: the block always ends at its blank line,
 * so the body and the MIME structure after an oversized block are still found. A line longer than
 * {@link MimeLimits#maxLineLength()} is skipped ({@code mime.long_header_line}); past
 * {@link MimeLimits#maxHeaderBlock()} bytes only the first occurrence of each field the analysis
 * needs ({@link #NEEDED}) is still kept, up to one line length each ({@code mime.header_block_too_large}).
 * What is kept is bounded by the block limit plus one line length per needed field.
 */
final class HeaderBlock {
    /** The fields the walk and the message record read: hiding one behind padding must not work. */
    private static final Set<String> NEEDED = Set.of("content-type", "content-transfer-encoding",
            "content-disposition", "subject", "message-id", "date", "from", "to");
    private static final int MAX_FIELD_NAME = 76;
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

    /** Lower-case field name → the raw value of its first occurrence, folding kept. */
    private final Map<String, String> fields;
    private final long bodyStart;
    private final MimeWeird cut;

    private HeaderBlock(Map<String, String> fields, long bodyStart, MimeWeird cut) {
        this.fields = fields;
        this.bodyStart = bodyStart;
        this.cut = cut;
    }

    long bodyStart() {
        return bodyStart;
    }

    /** The limit that made lines of this block be skipped, or null when every line was read. */
    MimeWeird cut() {
        return cut;
    }

    /** The first value of a header, unfolded and trimmed, or null. */
    String get(String name) {
        String v = fields.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : LINE_BREAK.matcher(FOLD.matcher(v).replaceAll(" ")).replaceAll("").trim();
    }

    /** Reads the header block of the entity starting at {@code start} (ends at the first empty line). */
    static HeaderBlock read(Spool spool, long start, long end, MimeLimits limits, Weirds weirds)
            throws IOException {
        return read(new SpoolWindow(spool, start, end, SpoolWindow.HEADER_WINDOW), start, limits, weirds);
    }

    /** The same through a window the caller scans with (a long run of small blocks reuses its buffer). */
    static HeaderBlock read(SpoolWindow window, long start, MimeLimits limits, Weirds weirds) throws IOException {
        return new Reader(window, limits, weirds).read(start);
    }

    /** One pass over the lines of one block. */
    private static final class Reader {
        private final Spool spool;
        private final SpoolWindow w;
        private final MimeLimits limits;
        private final Weirds weirds;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Set<String> neededSeen = new HashSet<>();
        private boolean keepingField;
        private long fieldBytes;
        private boolean pastBudget;
        private boolean noColon;
        private boolean longLine;

        Reader(SpoolWindow w, MimeLimits limits, Weirds weirds) {
            this.spool = w.spool();
            this.w = w;
            this.limits = limits;
            this.weirds = weirds;
        }

        HeaderBlock read(long start) throws IOException {
            long ls = start;
            long bodyStart;
            while (true) {
                if (ls >= w.end()) {
                    bodyStart = w.end();
                    break;
                }
                int c = w.byteAt(ls);
                if (c == '\n') {
                    bodyStart = ls + 1;
                    break;
                }
                if (c == '\r' && w.byteAt(ls + 1) == '\n') {
                    bodyStart = ls + 2;
                    break;
                }
                long nl = w.indexOf((byte) '\n', ls, w.end());
                long next = nl < 0 ? w.end() : nl + 1;
                line(ls, next, c == ' ' || c == '\t');
                ls = next;
            }
            MimeWeird cut = null;
            if (noColon) {
                weirds.count(MimeWeird.MIME_HEADER_NO_COLON);
            }
            if (longLine) {
                weirds.count(MimeWeird.MIME_LONG_HEADER_LINE);
                cut = MimeWeird.MIME_LONG_HEADER_LINE;
            }
            if (pastBudget) {
                weirds.count(MimeWeird.MIME_HEADER_BLOCK_TOO_LARGE);
                cut = MimeWeird.MIME_HEADER_BLOCK_TOO_LARGE;
            }
            return new HeaderBlock(parse(), bodyStart, cut);
        }

        /** Keeps or skips the line {@code [ls, next)} (terminator included). */
        private void line(long ls, long next, boolean continuation) throws IOException {
            long len = next - ls;
            String name = continuation ? null : fieldName(ls, next);
            if (len > limits.maxLineLength()) {
                longLine = true;
                keepingField = false; // and its continuation lines with it
                return;
            }
            if (!continuation) {
                fieldBytes = 0;
                boolean inBudget = kept.size() + len <= limits.maxHeaderBlock();
                pastBudget |= !inBudget;
                keepingField = inBudget || name != null && NEEDED.contains(name) && !neededSeen.contains(name);
                if (name != null && keepingField) {
                    neededSeen.add(name);
                }
            } else if (keepingField && kept.size() + len > limits.maxHeaderBlock()
                    && fieldBytes + len > limits.maxLineLength()) {
                pastBudget = true;
                keepingField = false;
            }
            if (keepingField) {
                fieldBytes += len;
                byte[] b = new byte[(int) len];
                int n = spool.read(ls, b, 0, b.length);
                kept.write(b, 0, Math.max(n, 0));
            }
        }

        /** The lower-case field name before the colon, or null (and counted) when the line has none. */
        private String fieldName(long ls, long next) throws IOException {
            long colon = w.indexOf((byte) ':', ls, Math.min(next, ls + MAX_FIELD_NAME + 1));
            if (colon < 0) {
                if (w.indexOf((byte) ':', ls, next) < 0) {
                    noColon = true;
                }
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (long p = ls; p < colon; p++) {
                b.append((char) w.byteAt(p));
            }
            return b.toString().trim().toLowerCase(Locale.ROOT);
        }

        /** The fields of the kept lines: {@code name: value}, continuation lines folded into the value. */
        private Map<String, String> parse() {
            Map<String, String> fields = new HashMap<>();
            String name = null;
            StringBuilder value = null;
            byte[] bytes = kept.toByteArray();
            for (int from = 0; from < bytes.length; ) {
                int nl = from;
                while (nl < bytes.length && bytes[nl] != '\n') {
                    nl++;
                }
                int lineEnd = nl > from && bytes[nl - 1] == '\r' ? nl - 1 : nl;
                String line = text(bytes, from, lineEnd - from);
                from = nl + 1;
                if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                    if (value != null) {
                        value.append("\r\n").append(line);
                    }
                    continue;
                }
                put(fields, name, value);
                int colon = line.indexOf(':');
                name = colon <= 0 ? null : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                value = name == null ? null : new StringBuilder(line.substring(colon + 1).stripLeading());
            }
            put(fields, name, value);
            return fields;
        }

        private static String text(byte[] b, int off, int len) {
            boolean ascii = true;
            for (int i = off; i < off + len && ascii; i++) {
                ascii = b[i] >= 0;
            }
            if (ascii) {
                return new String(b, off, len, StandardCharsets.ISO_8859_1);
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
            } catch (CharacterCodingException e) {
                return new String(b, off, len, StandardCharsets.ISO_8859_1);
            }
        }

        private static void put(Map<String, String> fields, String name, StringBuilder value) {
            if (name != null && !name.isEmpty()) {
                fields.putIfAbsent(name, value.toString());
            }
        }
    }
}
