package net.sguil.bridge.mime;

/**
 * Every resource bound of MIME analysis, in one immutable value. Past a bound the analyzer keeps
 * going with a flagged, partial result and a counted weird; it never throws. The weird's id is what
 * the message or file then carries as {@code incomplete}.
 *
 * @param maxDepth           containers (multipart/*, message/*) walked as a tree up to this nesting (Zeek's
 *                           default, 100); below, one linear scan still finds the leaf parts by their boundaries
 *                           ({@code mime.depth_exceeded})
 * @param maxParts           entities (and uuencoded blocks) per message — below {@code maxDepth} only the leaves
 *                           count; the rest is not analysed and the message is marked truncated
 *                           ({@code mime.too_many_parts})
 * @param maxHeaderBlock     bytes of header lines kept per header block; further lines are skipped up to the
 *                           blank line, except the first of each MIME and identifying field
 *                           ({@code mime.header_block_too_large})
 * @param maxLineLength      longest header line kept, and longest line kept when reading text bodies line by
 *                           line (uuencode scan); longer lines are skipped or cut ({@code mime.long_header_line},
 *                           {@code mime.long_line})
 * @param maxStoredSize      bytes of a file handed on; past it the file is cut and marked truncated
 *                           ({@code mime.attachment_size_limit})
 * @param maxAttachedMessageBytes bytes of attached messages (message/rfc822 parts) handed on as files per
 *                           message: each is handed on whole, with whatever it nests, so nesting multiplies the
 *                           bytes; past it they are walked but not stored ({@code mime.attached_message_limit})
 */
public record MimeLimits(int maxDepth, int maxParts, int maxHeaderBlock, int maxLineLength, long maxStoredSize,
                         long maxAttachedMessageBytes) {

    public MimeLimits {
        if (maxDepth < 1 || maxDepth > 1000) {
            throw new IllegalArgumentException("maxDepth must be in 1..1000: " + maxDepth);
        }
        if (maxParts < 1 || maxHeaderBlock < 1024 || maxLineLength < 1024 || maxStoredSize < 0
                || maxAttachedMessageBytes < 0) {
            throw new IllegalArgumentException("unusable MIME limits: " + maxParts + "/" + maxHeaderBlock + "/"
                    + maxLineLength + "/" + maxStoredSize + "/" + maxAttachedMessageBytes);
        }
    }

    public static MimeLimits defaults() {
        return new MimeLimits(100, 1000, 256 * 1024, 64 * 1024, 512L * 1024 * 1024, 1024L * 1024 * 1024);
    }

    public MimeLimits withMaxDepth(int v) {
        return new MimeLimits(v, maxParts, maxHeaderBlock, maxLineLength, maxStoredSize, maxAttachedMessageBytes);
    }

    public MimeLimits withMaxStoredSize(long v) {
        return new MimeLimits(maxDepth, maxParts, maxHeaderBlock, maxLineLength, v, maxAttachedMessageBytes);
    }

    public MimeLimits withMaxAttachedMessageBytes(long v) {
        return new MimeLimits(maxDepth, maxParts, maxHeaderBlock, maxLineLength, maxStoredSize, v);
    }
}
