package net.sguil.bridge.mime;

/**
 * Every resource bound of MIME analysis, in one immutable value. Past a bound the analyzer keeps
 * going with a flagged, partial result and a counted weird; it never throws.
 *
 * @param maxDepth           containers (multipart/*, message/rfc822) nested deeper than this are kept as one
 *                           opaque attachment ({@code mime.depth_exceeded})
 * @param maxParts           entities (and uuencoded blocks) per message; the rest is not analysed and the
 *                           message is marked truncated ({@code mime.too_many_parts})
 * @param maxHeaderBlock     bytes of one header block; the rest is taken as body ({@code mime.header_block_too_large})
 * @param maxLineLength      longest line kept when reading text bodies line by line (uuencode scan); longer
 *                           lines are cut ({@code mime.long_line})
 * @param maxStoredSize      bytes of a file handed on; past it the file is cut and marked truncated
 *                           ({@code mime.attachment_size_limit})
 */
public record MimeLimits(int maxDepth, int maxParts, int maxHeaderBlock, int maxLineLength, long maxStoredSize) {

    public MimeLimits {
        if (maxDepth < 1 || maxDepth > 200) {
            throw new IllegalArgumentException("maxDepth must be in 1..200: " + maxDepth);
        }
        if (maxParts < 1 || maxHeaderBlock < 1024 || maxLineLength < 1024 || maxStoredSize < 0) {
            throw new IllegalArgumentException("unusable MIME limits: " + maxParts + "/" + maxHeaderBlock + "/"
                    + maxLineLength + "/" + maxStoredSize);
        }
    }

    public static MimeLimits defaults() {
        return new MimeLimits(20, 1000, 256 * 1024, 64 * 1024, 512L * 1024 * 1024);
    }

    public MimeLimits withMaxDepth(int v) {
        return new MimeLimits(v, maxParts, maxHeaderBlock, maxLineLength, maxStoredSize);
    }

    public MimeLimits withMaxStoredSize(long v) {
        return new MimeLimits(maxDepth, maxParts, maxHeaderBlock, maxLineLength, v);
    }
}
