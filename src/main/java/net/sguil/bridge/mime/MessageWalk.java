package net.sguil.bridge.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.sguil.bridge.weird.Weirds;

/**
 * The analysis of one message: walks its entity tree once, handing files to the handler as it meets
 * them. Iterative — pending entities wait on an explicit stack, so no message is deep enough to
 * overflow the thread's stack; below {@link MimeLimits#maxDepth()} one linear scan takes over
 * ({@link BeyondDepth}).
 */
final class MessageWalk {
    private static final int MAX_GENERATED_NAME = 100;

    private final Spool spool;
    private final MimeLimits limits;
    private final Weirds weirds;
    private final boolean hadGap;
    private final FileHandler handler;
    private final Path scratchDir;
    private final List<FoundFile> files = new ArrayList<>();
    private final Deque<Pending> work = new ArrayDeque<>();
    private final List<Spool> decodedBodies = new ArrayList<>();
    private int entities;
    private boolean partLimitHit;
    private String incomplete;
    private long attachedMessageBytes;

    /** An entity still to analyse: bytes {@code [start, end)} of a spool, its header block read or not yet. */
    private record Pending(Spool spool, long start, long end, HeaderBlock header, Place place, String defaultType,
                           MimeEntity parent) {
    }

    /** A body: bytes {@code [start, end)} of a spool, in transfer encoding {@code cte}. */
    record Body(Spool spool, long start, long end, String cte) {
        InputStream open() {
            return spool.range(start, end);
        }
    }

    /**
     * Where an entity sits.
     *
     * @param depth        containers around it
     * @param section      IMAP-style part number, "" for the message itself
     * @param messageDepth attached messages around it
     * @param parentFile   index among the files of the innermost attached message around it that was stored, or -1
     */
    record Place(int depth, String section, int messageDepth, int parentFile) {
        Place part(String partSection) {
            return new Place(depth + 1, partSection, messageDepth, parentFile);
        }

        Place insideMessage(int fileIndex) {
            return fileIndex < 0 ? new Place(depth + 1, section, messageDepth, parentFile)
                    : new Place(depth + 1, section, messageDepth + 1, fileIndex);
        }

        Place withSection(String s) {
            return new Place(depth, s, messageDepth, parentFile);
        }
    }

    /**
     * @param scratchDir where decoded container bodies are spooled (a private directory), or null to hold
     *        them in memory (the message itself is then in memory, and they are smaller)
     */
    MessageWalk(Spool spool, MimeLimits limits, Weirds weirds, boolean hadGap, FileHandler handler, Path scratchDir) {
        this.spool = spool;
        this.limits = limits;
        this.weirds = weirds;
        this.hadGap = hadGap;
        this.handler = handler;
        this.scratchDir = scratchDir;
    }

    AnalyzedMessage run() throws IOException {
        try {
            HeaderBlock top = HeaderBlock.read(spool, 0, spool.size(), limits, weirds);
            MessageHeaders headers = new MessageHeaders(decoded(top.get("Subject")), orEmpty(top.get("Message-ID")),
                    orEmpty(top.get("Date")), decoded(top.get("From")), decoded(top.get("To")));
            work.push(new Pending(spool, 0, spool.size(), top, new Place(0, "", 0, -1), "text/plain", null));
            MimeEntity root = null;
            while (!work.isEmpty()) {
                MimeEntity e = entity(work.pop());
                root = root == null ? e : root;
            }
            return new AnalyzedMessage(headers, files, hadGap || partLimitHit, incomplete, root);
        } finally {
            for (Spool s : decodedBodies) {
                s.close();
            }
        }
    }

    /** Analyses one pending entity; null past the part limit. */
    private MimeEntity entity(Pending p) throws IOException {
        if (!takePart()) {
            return null;
        }
        HeaderBlock h = p.header() != null ? p.header() : HeaderBlock.read(p.spool(), p.start(), p.end(), limits, weirds);
        mark(h.cut());
        Declared d = Declared.of(h, p.defaultType(), weirds);
        MimeEntity node = new MimeEntity(d.type());
        if (p.parent() != null) {
            p.parent().addPart(node);
        }
        String subject = h.get("Subject");
        if (subject != null) {
            node.subject(EncodedWords.decode(subject, weirds));
        }
        Body body = new Body(p.spool(), h.bodyStart(), p.end(), d.cte());
        if (d.isMultipart() || d.isMessage()) {
            body = composite(body);
            if (d.isMultipart() ? multipart(p.place(), d, body, node) : message(p.place(), h, d, body, node)) {
                return node;
            }
        }
        boolean opaque = d.opaque() || Declared.isContainer(d.type());
        if (opaque) {
            node.effectiveType(Declared.OCTET_STREAM);
        }
        leaf(h, d.contentType(), body, p.place(), node, opaque);
        return node;
    }

    /**
     * The body of a container as it is to be walked. RFC 2045 section 6.4 allows no encoding but the
     * identity ones on multipart/* and message/*, and readers disagree on what to do with one; so the
     * content decides, not the sender's declaration: a body that is exact base64 (nothing outside the
     * alphabet, no broken end) is what a decoding reader shows and is walked decoded; anything else is
     * walked as it is, as the RFC says — a base64 label on plain text cannot turn an attached message
     * into garbage. Quoted-printable leaves a message's structure readable and is walked as it is.
     */
    private Body composite(Body raw) throws IOException {
        if (TransferDecoding.IDENTITY.contains(raw.cte())) {
            return raw;
        }
        weirds.count(MimeWeird.MIME_ENCODED_COMPOSITE);
        Body asSent = new Body(raw.spool(), raw.start(), raw.end(), "binary");
        if (!TransferDecoding.BASE64.equals(raw.cte())) {
            return asSent;
        }
        try (DecodingStream in = TransferDecoding.open(raw.cte(), raw.open())) {
            Spool decoded = Spool.copyOf(new WhileExact(in), scratchDir);
            if (!in.exact()) {
                decoded.close();
                return asSent;
            }
            decodedBodies.add(decoded);
            return new Body(decoded, 0, decoded.size(), "binary");
        }
    }

    /** Analyses the parts of a multipart; false when it must be kept as one opaque body instead. */
    private boolean multipart(Place place, Declared d, Body body, MimeEntity node) throws IOException {
        String boundary = d.boundary();
        if (boundary == null) {
            weirds.count(MimeWeird.MIME_MISSING_BOUNDARY);
            return false;
        }
        if (place.depth() >= limits.maxDepth()) {
            new BeyondDepth(this, body, place, node).fromMultipart(boundary);
            return true;
        }
        BoundaryScanner.Parts parts = BoundaryScanner.scan(body.spool(), body.start(), body.end(), boundary,
                Math.max(0, limits.maxParts() - entities));
        if (!parts.foundDelimiter()) {
            weirds.count(MimeWeird.MIME_NO_PARTS);
            return false;
        }
        if (!parts.closed() && !parts.limited()) {
            weirds.count(MimeWeird.MIME_MISSING_FINAL_BOUNDARY);
        }
        String childDefault = "multipart/digest".equals(d.type()) ? "message/rfc822" : "text/plain";
        List<long[]> ranges = parts.ranges();
        for (int i = ranges.size() - 1; i >= 0; i--) {
            long[] r = ranges.get(i);
            work.push(new Pending(body.spool(), r[0], r[1], null, place.part(childSection(place.section(), i + 1)),
                    childDefault, node));
        }
        if (parts.limited()) {
            partLimit();
        }
        return true;
    }

    /** Stores an attached message whole, then walks into it. */
    private boolean message(Place place, HeaderBlock h, Declared d, Body body, MimeEntity node) throws IOException {
        HeaderBlock inner = HeaderBlock.read(body.spool(), body.start(), body.end(), limits, weirds);
        int file = storeMessage(h, d, body, inner, place, node);
        if (place.depth() >= limits.maxDepth()) {
            new BeyondDepth(this, body, place.insideMessage(file), node).fromEntity(inner);
            return true;
        }
        work.push(new Pending(body.spool(), body.start(), body.end(), inner, place.insideMessage(file), "text/plain",
                node));
        return true;
    }

    /** The attached message as one file (what its recipient would open); its index, or -1 past the budget. */
    private int storeMessage(HeaderBlock h, Declared d, Body body, HeaderBlock inner, Place place, MimeEntity node)
            throws IOException {
        long size = Math.min(body.end() - body.start(), limits.maxStoredSize());
        if (attachedMessageBytes + size > limits.maxAttachedMessageBytes()) {
            weirds.count(MimeWeird.MIME_ATTACHED_MESSAGE_LIMIT);
            mark(MimeWeird.MIME_ATTACHED_MESSAGE_LIMIT);
            return -1;
        }
        attachedMessageBytes += size;
        String declared = fileName(HeaderValue.contentDisposition(h.get("Content-Disposition"), weirds),
                d.contentType());
        node.recommendedFilename(declared);
        String name = declared != null ? declared : messageFileName(inner, place.section());
        try (DecodingStream in = TransferDecoding.open(body.cte(), body.open())) {
            return store(node, place, name, declared, in, null, null);
        }
    }

    /** {@code <subject or message-id>.eml}, made safe to show; {@code part-N.eml} when there is neither. */
    private String messageFileName(HeaderBlock inner, String section) {
        String base = decoded(inner.get("Subject"));
        if (base.isBlank()) {
            base = orEmpty(inner.get("Message-ID")).replaceAll("^<|>$", "");
        }
        StringBuilder b = new StringBuilder();
        base.strip().codePoints().limit(MAX_GENERATED_NAME).forEach(c -> b.appendCodePoint(
                Character.isISOControl(c) || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c));
        String name = b.toString().strip();
        return (name.isEmpty() ? "part-" + sectionOrOne(section) : name) + ".eml";
    }

    /** Counts one more entity; false (and the message marked truncated) past the limit. */
    boolean takePart() {
        if (++entities <= limits.maxParts()) {
            return true;
        }
        partLimit();
        return false;
    }

    private void partLimit() {
        if (!partLimitHit) {
            weirds.count(MimeWeird.MIME_TOO_MANY_PARTS);
            mark(MimeWeird.MIME_TOO_MANY_PARTS);
            partLimitHit = true;
        }
    }

    /** Remembers the first limit that stopped or skipped analysis of the message. */
    void mark(MimeWeird limit) {
        if (limit != null && incomplete == null) {
            incomplete = limit.id();
        }
    }

    Weirds weirds() {
        return weirds;
    }

    MimeLimits limits() {
        return limits;
    }

    /** Stores the body if it is an attachment; scans a plain-text body for uuencoded blocks. */
    void leaf(HeaderBlock h, HeaderValue ct, Body body, Place place, MimeEntity node, boolean opaque)
            throws IOException {
        HeaderValue cd = HeaderValue.contentDisposition(h.get("Content-Disposition"), weirds);
        String declared = fileName(cd, ct);
        node.recommendedFilename(declared);
        boolean attachment = opaque || declared != null || cd != null && "attachment".equals(cd.value())
                || !node.effectiveType().startsWith("text/");
        if (!attachment) {
            if ("text/plain".equals(node.effectiveType())) {
                scanForUuencode(body, place, node);
            }
            return;
        }
        if (TransferDecoding.UUENCODE.contains(body.cte())) {
            storeUuencodedBody(body, declared, place, node);
            return;
        }
        try (DecodingStream in = TransferDecoding.open(body.cte(), body.open())) {
            store(node, place, declared != null ? declared : generatedName(place.section()), declared, in,
                    TransferDecoding.damageWeird(body.cte()), null);
        }
    }

    private void storeUuencodedBody(Body body, String declared, Place place, MimeEntity node) throws IOException {
        LineReader lines = new LineReader(body.open(), limits.maxLineLength());
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
        String named = declared != null ? declared : begin != null && !begin.isEmpty() ? begin : null;
        store(node, place, named != null ? named : generatedName(place.section()), named, new UuDecodingStream(lines),
                MimeWeird.MIME_BAD_UUENCODE, lines);
        countCutLines(lines);
    }

    /** Extracts {@code begin NNN name} … {@code end} blocks of a text body as attachments. */
    private void scanForUuencode(Body body, Place place, MimeEntity node) throws IOException {
        try (DecodingStream text = TransferDecoding.open(body.cte(), body.open())) {
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
                MimeEntity child = new MimeEntity(Declared.OCTET_STREAM);
                child.recommendedFilename(name.isEmpty() ? null : name);
                UuDecodingStream uu = new UuDecodingStream(lines);
                Place block = place.withSection(sectionOrOne(place.section()) + "-uu" + blocks);
                store(child, block, name.isEmpty() ? generatedName(block.section()) : name, name.isEmpty() ? null : name,
                        uu, MimeWeird.MIME_BAD_UUENCODE, lines);
                uu.drain();
                node.addPart(child);
            }
            countCutLines(lines);
            if (text.damaged()) {
                weirds.count(TransferDecoding.damageWeird(body.cte()));
            }
        }
    }

    /**
     * Hands one file to the handler; its index among the message's files.
     *
     * @param damageWeird what damage of {@code in} is called, or null when it cannot be damaged
     * @param lines       the line reader {@code in} decodes from, whose cut lines cut the file; or null
     */
    private int store(MimeEntity node, Place place, String name, String declared, DecodingStream in,
                      MimeWeird damageWeird, LineReader lines) throws IOException {
        MimeFile file = new MimeFile(sectionOrOne(place.section()), name, declared, node.contentType(),
                place.messageDepth(), place.parentFile());
        long cutsBefore = lines == null ? 0 : lines.cuts();
        SizeCap capped = new SizeCap(in, limits.maxStoredSize());
        String location = handler.file(file, capped);
        MimeWeird cut = null;
        if (capped.hitLimit()) {
            weirds.count(MimeWeird.MIME_ATTACHMENT_SIZE_LIMIT);
            cut = MimeWeird.MIME_ATTACHMENT_SIZE_LIMIT;
        }
        if (lines != null && lines.cuts() > cutsBefore) {
            cut = cut == null ? MimeWeird.MIME_LONG_LINE : cut;
        }
        if (damageWeird != null && in.damaged()) {
            weirds.count(damageWeird);
            cut = cut == null ? damageWeird : cut;
        }
        files.add(new FoundFile(file, location, hadGap || cut != null, cut == null ? null : cut.id()));
        node.bodyFile(location);
        return files.size() - 1;
    }

    private String fileName(HeaderValue cd, HeaderValue ct) {
        String n = cd == null ? null : cd.param("filename");
        if ((n == null || n.isBlank()) && ct != null) {
            n = ct.param("name");
        }
        return n == null || n.isBlank() ? null : EncodedWords.decode(n, weirds);
    }

    private void countCutLines(LineReader lines) {
        if (lines.cuts() > 0) {
            weirds.count(MimeWeird.MIME_LONG_LINE);
        }
    }

    private String decoded(String header) {
        return orEmpty(EncodedWords.decode(header, weirds));
    }

    static String childSection(String parent, int i) {
        return parent.isEmpty() ? Integer.toString(i) : parent + "." + i;
    }

    private static String sectionOrOne(String section) {
        return section.isEmpty() ? "1" : section;
    }

    private static String generatedName(String section) {
        return "part-" + sectionOrOne(section) + ".bin";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Ends the data as soon as the decoder meets input that is not exactly in its encoding. */
    private static final class WhileExact extends FilterInputStream {
        private final DecodingStream decoder;

        WhileExact(DecodingStream decoder) {
            super(decoder);
            this.decoder = decoder;
        }

        @Override
        public int read() throws IOException {
            return decoder.exact() ? decoder.read() : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return decoder.exact() ? decoder.read(b, off, len) : -1;
        }
    }
}
