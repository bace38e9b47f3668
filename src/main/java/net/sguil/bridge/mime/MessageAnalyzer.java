package net.sguil.bridge.mime;

import java.io.IOException;
import java.nio.file.Path;
import net.sguil.bridge.weird.Weirds;

/**
 * Analyses one spooled e-mail message: walks its whole MIME tree (multipart/* of every kind,
 * message/rfc822 and message/global — each attached message handed on as a file itself, then walked
 * into), hands every file it finds to a {@link FileHandler} with its decoded bytes, and extracts
 * uuencoded blocks from plain-text bodies. Below {@link MimeLimits#maxDepth()} the leaf parts are
 * still found, by one linear scan.
 *
 * <p>The message is read by offset from the spool file and never held whole on the heap. Jakarta
 * Mail parses what it is good at — header lines, Content-Type/Disposition parameters (RFC 2231
 * continuations and charsets) — on bounded inputs; the part
 * structure is found by a bounded boundary scan of our own, because Angus' MimeMultipart parses all
 * parts eagerly, gives each part its own read buffer and reads lines of unbounded length, so a
 * hostile message could exhaust the heap. Base64 and quoted-printable are decoded by lenient decoders
 * of our own ({@link Base64DecodingStream}, {@link QuotedPrintableDecodingStream}), RFC 2047 words by
 * {@link EncodedWords}.
 *
 * <p>Hostile input never makes {@link #analyze} throw; it gives a partial result and counted weirds
 * ({@code mime.*}). Only I/O errors of the disk or the handler propagate. A file is {@code truncated}
 * when the message had a TCP gap, when it was cut at {@link MimeLimits#maxStoredSize()}, or when its
 * encoding was damaged (base64 that is not base64, bad quoted-printable escapes, bad uuencode): what
 * was decodable is handed on, but it is not claimed to be the sender's file. Every limit that cut or
 * skipped something names itself: on the file ({@link FoundFile#incomplete()}) or on the message
 * ({@link AnalyzedMessage#incomplete()}).
 *
 * <p>Thread-safe: analyses share nothing but the (thread-safe) weird counters.
 */
public final class MessageAnalyzer {
    private final MimeLimits limits;
    private final Weirds weirds;

    public MessageAnalyzer(MimeLimits limits, Weirds weirds) {
        this.limits = limits;
        this.weirds = weirds;
    }

    /**
     * @param rawMessage  the message as spooled from the wire (after dot-unstuffing / BDAT joining), in a
     *                    private directory: a container body that must be decoded is spooled beside it
     * @param hadGap      whether any byte of the message was lost in a TCP gap
     */
    public AnalyzedMessage analyze(Path rawMessage, boolean hadGap, FileHandler files) throws IOException {
        try (Spool spool = Spool.open(rawMessage)) {
            return new MessageWalk(spool, limits, weirds, hadGap, files, rawMessage.toAbsolutePath().getParent()).run();
        }
    }

    /** The same for a message held in memory: {@code message[0, length)}. */
    public AnalyzedMessage analyze(byte[] message, int length, boolean hadGap, FileHandler files) throws IOException {
        try (Spool spool = Spool.of(message, length)) {
            return new MessageWalk(spool, limits, weirds, hadGap, files, null).run();
        }
    }
}
