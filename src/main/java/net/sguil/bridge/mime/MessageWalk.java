package net.sguil.bridge.mime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import net.sguil.bridge.weird.Weirds;

/** The analysis of one message: walks its entity tree once, handing files to the handler as it meets them. */
final class MessageWalk {
    private static final String OCTET_STREAM = "application/octet-stream";

    private final Spool spool;
    private final MimeLimits limits;
    private final Weirds weirds;
    private final boolean hadGap;
    private final FileHandler handler;
    private final List<FoundFile> files = new ArrayList<>();
    private int entities;
    private boolean partLimitHit;

    MessageWalk(Spool spool, MimeLimits limits, Weirds weirds, boolean hadGap, FileHandler handler) {
        this.spool = spool;
        this.limits = limits;
        this.weirds = weirds;
        this.hadGap = hadGap;
        this.handler = handler;
    }

    AnalyzedMessage run() throws IOException {
        HeaderBlock top = HeaderBlock.read(spool, 0, spool.size(), limits, weirds);
        MessageHeaders headers = new MessageHeaders(orEmpty(HeaderValue.decodeWords(top.get("Subject"), weirds)),
                orEmpty(top.get("Message-ID")), orEmpty(top.get("Date")));
        MimeEntity root = entity(top, spool.size(), 0, "", "text/plain");
        return new AnalyzedMessage(headers, files, hadGap || partLimitHit, root);
    }

    /** Analyses the entity whose header block is {@code h} and whose body ends at {@code end}; null past the part limit. */
    private MimeEntity entity(HeaderBlock h, long end, int depth, String section, String defaultType)
            throws IOException {
        if (!takePart()) {
            return null;
        }
        String rawType = h.get("Content-Type");
        HeaderValue ct = HeaderValue.contentType(rawType, weirds);
        String type = ct == null ? defaultType : ct.value();
        boolean opaque = type.isEmpty();
        if (opaque) {
            weirds.count(MimeWeird.MIME_BAD_CONTENT_TYPE);
            type = rawType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        }
        MimeEntity node = new MimeEntity(type);
        String subject = h.get("Subject");
        if (subject != null) {
            node.subject(HeaderValue.decodeWords(subject, weirds));
        }
        String cte = TransferDecoding.normalize(h.get("Content-Transfer-Encoding"));
        if (!TransferDecoding.isKnown(cte)) {
            weirds.count(MimeWeird.MIME_UNKNOWN_ENCODING);
            opaque = true;
        }
        if (!opaque && type.startsWith("multipart/")) {
            opaque = !multipart(h, ct, cte, end, depth, section, node);
        } else if (!opaque && (type.equals("message/rfc822") || type.equals("message/global"))) {
            opaque = !embeddedMessage(h, cte, end, depth, section, node);
        }
        if (opaque) {
            node.effectiveType(OCTET_STREAM);
        }
        leaf(h, ct, cte, end, section, node, opaque);
        return node;
    }

    /** Counts one more entity; false (and the message marked truncated) past the limit. */
    private boolean takePart() {
        if (++entities <= limits.maxParts()) {
            return true;
        }
        if (!partLimitHit) {
            weirds.count(MimeWeird.MIME_TOO_MANY_PARTS);
            partLimitHit = true;
        }
        return false;
    }

    /** Analyses the parts of a multipart; false when it must be kept as one opaque body instead. */
    private boolean multipart(HeaderBlock h, HeaderValue ct, String cte, long end, int depth, String section,
                              MimeEntity node) throws IOException {
        if (!containerAllowed(cte, depth)) {
            return false;
        }
        String boundary = ct.param("boundary");
        if (boundary == null || boundary.isEmpty()) {
            weirds.count(MimeWeird.MIME_MISSING_BOUNDARY);
            return false;
        }
        BoundaryScanner.Parts parts = BoundaryScanner.scan(spool, h.bodyStart(), end, boundary,
                Math.max(0, limits.maxParts() - entities));
        if (!parts.foundDelimiter()) {
            weirds.count(MimeWeird.MIME_NO_PARTS);
            return false;
        }
        if (!parts.closed() && !parts.limited()) {
            weirds.count(MimeWeird.MIME_MISSING_FINAL_BOUNDARY);
        }
        String childDefault = "multipart/digest".equals(node.contentType()) ? "message/rfc822" : "text/plain";
        int i = 0;
        for (long[] r : parts.ranges()) {
            i++;
            MimeEntity child = entity(HeaderBlock.read(spool, r[0], r[1], limits, weirds), r[1], depth + 1,
                    section.isEmpty() ? Integer.toString(i) : section + "." + i, childDefault);
            if (child == null) {
                return true;
            }
            node.addPart(child);
        }
        if (parts.limited()) {
            takePart(); // the first part past the budget: marks the message truncated
        }
        return true;
    }

    private boolean embeddedMessage(HeaderBlock h, String cte, long end, int depth, String section,
                                    MimeEntity node) throws IOException {
        if (!containerAllowed(cte, depth)) {
            return false;
        }
        MimeEntity child = entity(HeaderBlock.read(spool, h.bodyStart(), end, limits, weirds), end, depth + 1,
                section, "text/plain");
        if (child != null) {
            node.addPart(child);
        }
        return true;
    }

    private boolean containerAllowed(String cte, int depth) {
        if (depth >= limits.maxDepth()) {
            weirds.count(MimeWeird.MIME_DEPTH_EXCEEDED);
            return false;
        }
        if (!TransferDecoding.IDENTITY.contains(cte)) {
            weirds.count(MimeWeird.MIME_ENCODED_CONTAINER); // RFC 2045 forbids it; decoding it would need a second spool
            return false;
        }
        return true;
    }

    /** Stores the body if it is an attachment; scans a plain-text body for uuencoded blocks. */
    private void leaf(HeaderBlock h, HeaderValue ct, String cte, long end, String section, MimeEntity node,
                      boolean opaque) throws IOException {
        if (!node.parts().isEmpty() || !opaque && isContainer(node.contentType())) {
            return;
        }
        HeaderValue cd = HeaderValue.contentDisposition(h.get("Content-Disposition"), weirds);
        String declared = fileName(cd, ct);
        node.recommendedFilename(declared);
        boolean attachment = opaque || declared != null || cd != null && "attachment".equals(cd.value())
                || !node.effectiveType().startsWith("text/");
        if (!attachment) {
            if ("text/plain".equals(node.effectiveType())) {
                scanForUuencode(cte, h.bodyStart(), end, section, node);
            }
            return;
        }
        if (TransferDecoding.UUENCODE.contains(cte)) {
            storeUuencodedBody(h.bodyStart(), end, declared, section, node);
            return;
        }
        try (DecodingStream in = TransferDecoding.open(cte, spool.range(h.bodyStart(), end))) {
            store(node, section, declared, in, damageWeird(cte));
        }
    }

    private static boolean isContainer(String type) {
        return type.startsWith("multipart/") || type.equals("message/rfc822") || type.equals("message/global");
    }

    private void storeUuencodedBody(long start, long end, String declared, String section, MimeEntity node)
            throws IOException {
        LineReader lines = new LineReader(spool.range(start, end), limits.maxLineLength());
        String begin = null;
        while (begin == null) {
            int n = lines.next();
            if (n < 0) {
                break;
            }
            begin = UuDecodingStream.beginName(lines, n);
        }
        if (begin == null) {
            weirds.count(MimeWeird.MIME_UU_MISSING_BEGIN);
        } else if (declared == null && !begin.isEmpty()) {
            node.recommendedFilename(begin);
        }
        store(node, section, declared != null ? declared : begin != null && !begin.isEmpty() ? begin : null,
                new UuDecodingStream(lines), MimeWeird.MIME_BAD_UUENCODE);
        countCutLines(lines);
    }

    /** Extracts {@code begin NNN name} … {@code end} blocks of a text body as attachments. */
    private void scanForUuencode(String cte, long start, long end, String section, MimeEntity node)
            throws IOException {
        try (DecodingStream text = TransferDecoding.open(cte, spool.range(start, end))) {
            LineReader lines = new LineReader(text, limits.maxLineLength());
            int blocks = 0;
            for (int n = lines.next(); n >= 0; n = lines.next()) {
                String name = UuDecodingStream.beginName(lines, n);
                if (name == null) {
                    continue;
                }
                if (!takePart()) {
                    break;
                }
                blocks++;
                MimeEntity child = new MimeEntity(OCTET_STREAM);
                child.recommendedFilename(name.isEmpty() ? null : name);
                UuDecodingStream uu = new UuDecodingStream(lines);
                store(child, section + "-uu" + blocks,
                        name.isEmpty() ? null : name, uu, MimeWeird.MIME_BAD_UUENCODE);
                uu.drain();
                node.addPart(child);
            }
            countCutLines(lines);
            if (text.damaged()) {
                weirds.count(damageWeird(cte));
            }
        }
    }

    private void store(MimeEntity node, String section, String declared, DecodingStream in, MimeWeird damageWeird)
            throws IOException {
        MimeFile file = new MimeFile(section.isEmpty() ? "1" : section,
                declared != null ? declared : generatedName(section), declared, node.contentType());
        SizeCap capped = new SizeCap(in, limits.maxStoredSize());
        String location = handler.file(file, capped);
        if (capped.hitLimit()) {
            weirds.count(MimeWeird.MIME_ATTACHMENT_SIZE_LIMIT);
        }
        if (in.damaged()) {
            weirds.count(damageWeird);
        }
        files.add(new FoundFile(file, location, hadGap || capped.hitLimit() || in.damaged()));
        node.bodyFile(location);
    }

    private String fileName(HeaderValue cd, HeaderValue ct) {
        String n = cd == null ? null : cd.param("filename");
        if ((n == null || n.isBlank()) && ct != null) {
            n = ct.param("name");
        }
        return n == null || n.isBlank() ? null : HeaderValue.decodeWords(n, weirds);
    }

    private void countCutLines(LineReader lines) {
        if (lines.anyCut()) {
            weirds.count(MimeWeird.MIME_LONG_LINE);
        }
    }

    private static MimeWeird damageWeird(String cte) {
        if (TransferDecoding.BASE64.equals(cte)) {
            return MimeWeird.MIME_BAD_BASE64;
        }
        if (TransferDecoding.QUOTED_PRINTABLE.equals(cte)) {
            return MimeWeird.MIME_BAD_QUOTED_PRINTABLE;
        }
        return MimeWeird.MIME_DECODE_ERROR;
    }

    private static String generatedName(String section) {
        return "part-" + (section.isEmpty() ? "1" : section) + ".bin";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
