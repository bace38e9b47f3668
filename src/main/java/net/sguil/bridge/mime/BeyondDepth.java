package net.sguil.bridge.mime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Below {@link MimeLimits#maxDepth()}: instead of one boundary scan per level (quadratic in the
 * nesting), one linear pass over the rest of the container finds the innermost leaf parts by their
 * boundaries, as a streaming MIME parser would: every multipart met pushes its boundary, a delimiter
 * line of any open boundary ends the part before it (and the inner multiparts with it), attached
 * messages are stepped into without being stored, and each leaf is handed to the walk like any other.
 * The leaves hang flat under the entity where the limit was reached; the message is marked
 * {@code mime.depth_exceeded}. Leaves count against {@link MimeLimits#maxParts()}; the containers
 * down here cost one open boundary each and do not, so a thousand levels of nesting still yield the
 * file at the bottom — but no more than {@code maxParts} boundaries are open at once.
 */
final class BeyondDepth {
    /** Longest delimiter line looked up; RFC 2046 boundaries have at most 70 characters. */
    private static final int MAX_DELIMITER_LINE = 1024;

    private final MessageWalk walk;
    private final MessageWalk.Body region;
    private final MessageWalk.Place place;
    private final MimeEntity node;
    private final SpoolWindow w;
    /** Open boundaries, outermost first, with each multipart's section and its part count. */
    private final List<String> boundaries = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();
    /** Boundary → its innermost level, and per level the level the same boundary had below it (-1). */
    private final Map<String, Integer> levelOf = new HashMap<>();
    private final List<Integer> shadowed = new ArrayList<>();
    private Leaf open;
    private boolean stopped;

    private record Leaf(HeaderBlock header, Declared declared, String section) {
    }

    /** A delimiter line: the level of its boundary, whether it closes, where the next line starts. */
    private record Delimiter(int level, boolean close, long next) {
    }

    BeyondDepth(MessageWalk walk, MessageWalk.Body region, MessageWalk.Place place, MimeEntity node) {
        this.walk = walk;
        this.region = region;
        this.place = place;
        this.node = node;
        this.w = new SpoolWindow(region.spool(), region.start(), region.end(), SpoolWindow.SCAN_WINDOW);
        walk.weirds().count(MimeWeird.MIME_DEPTH_EXCEEDED);
        walk.mark(MimeWeird.MIME_DEPTH_EXCEEDED);
    }

    /** The region is the body of a multipart with this boundary. */
    void fromMultipart(String boundary) throws IOException {
        push(boundary, place.section());
        scan(region.start());
    }

    /** The region is an entity (the body of an attached message) whose header block is {@code header}. */
    void fromEntity(HeaderBlock header) throws IOException {
        long pos = enter(region.start(), header, place.section());
        if (!stopped) {
            scan(pos);
        }
    }

    private void scan(long from) throws IOException {
        long ls = from;
        int terminator = 0;
        while (ls < w.end() && !stopped) {
            Delimiter d = w.byteAt(ls) == '-' && w.byteAt(ls + 1) == '-' ? delimiterAt(ls) : null;
            if (d != null) {
                finishLeaf(Math.max(ls - terminator, leafStart()));
                popAbove(d.level());
                if (d.close()) {
                    pop();
                    if (boundaries.isEmpty()) {
                        return; // the epilogue of the outermost multipart
                    }
                    ls = d.next();
                } else {
                    int n = ++counts.get(d.level())[0];
                    ls = enter(d.next(), null, MessageWalk.childSection(sections.get(d.level()), n));
                }
                terminator = 0;
                continue;
            }
            long next = w.nextLineStartingWith((byte) '-', ls);
            if (next < 0) {
                break;
            }
            terminator = next - 2 >= region.start() && w.byteAt(next - 2) == '\r' ? 2 : 1;
            ls = next;
        }
        finishLeaf(w.end());
    }

    /** Reads the entity at {@code pos} (stepping into attached messages); where its body begins. */
    private long enter(long pos, HeaderBlock known, String section) throws IOException {
        HeaderBlock h = known;
        while (true) {
            if (h == null) {
                h = HeaderBlock.read(w, pos, walk.limits(), walk.weirds());
            }
            walk.mark(h.cut());
            Declared d = Declared.of(h, "text/plain", walk.weirds());
            if (!TransferDecoding.IDENTITY.contains(d.cte()) && (d.isMultipart() || d.isMessage())) {
                walk.weirds().count(MimeWeird.MIME_ENCODED_COMPOSITE); // walked as sent down here
            }
            if (d.isMultipart() && d.boundary() != null && boundaries.size() < walk.limits().maxParts()) {
                push(d.boundary(), section);
                return h.bodyStart();
            }
            if (d.isMessage()) {
                pos = h.bodyStart();
                h = null;
                continue;
            }
            if (!walk.takePart()) {
                stopped = true;
                return pos;
            }
            open = new Leaf(h, d, section);
            return h.bodyStart();
        }
    }

    private long leafStart() {
        return open == null ? 0 : open.header().bodyStart();
    }

    private void finishLeaf(long end) throws IOException {
        if (open == null) {
            return;
        }
        Leaf leaf = open;
        open = null;
        Declared d = leaf.declared();
        MimeEntity child = new MimeEntity(d.type());
        boolean opaque = d.opaque() || Declared.isContainer(d.type());
        if (opaque) {
            child.effectiveType(Declared.OCTET_STREAM);
        }
        node.addPart(child);
        String cte = Declared.isContainer(d.type()) ? "binary" : d.cte(); // a container kept whole, as sent
        walk.leaf(leaf.header(), d.contentType(), new MessageWalk.Body(region.spool(), leaf.header().bodyStart(), end,
                cte), place.withSection(leaf.section()), child, opaque);
    }

    /** The delimiter on the line at {@code ls} ({@code --boundary}, {@code --} for the close, padding), or null. */
    private Delimiter delimiterAt(long ls) throws IOException {
        StringBuilder b = new StringBuilder();
        long p = ls + 2;
        int c;
        while ((c = w.byteAt(p)) >= 0 && c != '\n' && c != '\r') {
            if (b.length() == MAX_DELIMITER_LINE) {
                return null;
            }
            b.append((char) c);
            p++;
        }
        long next = c == '\n' ? p + 1 : c == '\r' && w.byteAt(p + 1) == '\n' ? p + 2 : c < 0 ? p : -1;
        if (next < 0) {
            return null; // a bare CR: not a line end
        }
        String text = b.toString().stripTrailing();
        Integer level = levelOf.get(text);
        if (level != null) {
            return new Delimiter(level, false, next);
        }
        if (text.endsWith("--")) {
            level = levelOf.get(text.substring(0, text.length() - 2));
            if (level != null) {
                return new Delimiter(level, true, next);
            }
        }
        return null;
    }

    private void push(String boundary, String section) {
        // a boundary is matched as the line reads it: ISO-8859-1, like the bytes of the delimiter
        String key = new String(boundary.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        Integer below = levelOf.put(key, boundaries.size());
        shadowed.add(below == null ? -1 : below);
        boundaries.add(key);
        sections.add(section);
        counts.add(new int[1]);
    }

    private void popAbove(int level) {
        while (boundaries.size() > level + 1) {
            pop();
        }
    }

    private void pop() {
        int top = boundaries.size() - 1;
        String key = boundaries.remove(top);
        int below = shadowed.remove(top);
        if (below < 0) {
            levelOf.remove(key);
        } else {
            levelOf.put(key, below);
        }
        sections.remove(top);
        counts.remove(top);
    }
}
