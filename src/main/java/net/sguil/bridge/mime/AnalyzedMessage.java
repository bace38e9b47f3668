package net.sguil.bridge.mime;

import java.util.List;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.MessageInfo;

/**
 * What MIME analysis found in one message.
 *
 * @param truncated   true when the message fell partly in a TCP gap, or was not analysed to its end
 *                    (part limit); every attachment of a gapped message is {@code truncated}
 * @param skeleton    the entity tree, see {@link #skeletonText()}
 */
public record AnalyzedMessage(MessageInfo message, List<Attachment> attachments, boolean truncated,
                              MimeEntity skeleton) {

    public AnalyzedMessage {
        attachments = List.copyOf(attachments);
    }

    /** The tree in the manner of Perl MIME::Parser's {@code dump_skeleton}. */
    public String skeletonText() {
        StringBuilder b = new StringBuilder();
        skeleton.appendSkeleton(b, 0);
        return b.toString();
    }
}
