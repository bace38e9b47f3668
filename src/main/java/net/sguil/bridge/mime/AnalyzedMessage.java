package net.sguil.bridge.mime;

import java.util.List;

/**
 * What MIME analysis found in one message.
 *
 * @param truncated   true when the message fell partly in a TCP gap, or was not analysed to its end
 *                    (part limit); every file of a gapped message is {@code truncated}
 * @param incomplete  the id of the first limit that stopped or skipped analysis of the message's
 *                    structure ({@code mime.header_block_too_large}, {@code mime.depth_exceeded}, …);
 *                    null when nothing was cut. A limit that cut one file is on that file instead.
 * @param skeleton    the entity tree, see {@link #skeletonText()}
 */
public record AnalyzedMessage(MessageHeaders headers, List<FoundFile> files, boolean truncated, String incomplete,
                              MimeEntity skeleton) {

    public AnalyzedMessage {
        files = List.copyOf(files);
    }

    /** The tree in the manner of Perl MIME::Parser's {@code dump_skeleton}. */
    public String skeletonText() {
        StringBuilder b = new StringBuilder();
        skeleton.appendSkeleton(b);
        return b.toString();
    }
}
