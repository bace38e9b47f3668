package net.sguil.bridge.rules;

import net.sguil.bridge.facts.Attachment;

/**
 * Evidence keys more than one pack names the same way: what a conclusion is about, so that a pack
 * answering an analyst can find what the other packs concluded about the same finding.
 */
public final class EvidenceKeys {
    private EvidenceKeys() {
    }

    /** One attachment is one file of one message of one session. */
    public static String attachment(Attachment a) {
        return a.getPcap() + "|" + a.getSession() + "|" + a.getSession().getFirstSeen() + "|"
                + a.getMessageId() + "|" + a.getFilename() + "|" + a.getSha256();
    }
}
