package net.sguil.bridge.realsguild;

/**
 * One conclusion the bridge must deliver, as the analyst would recognise it in sguild's
 * {@code event} table: its message text starts with {@code signature}, and its detail names the
 * evidence (the PUT's URI, the attachment's file name); null evidence means the message alone
 * identifies it.
 */
record Conclusion(String signature, String evidence) {
    boolean matches(SguildTables.StoredEvent e) {
        return e.signature().startsWith(signature)
                && (evidence == null || (e.detail() != null && e.detail().contains(evidence)));
    }

    @Override
    public String toString() {
        return evidence == null ? signature : signature + " [" + evidence + "]";
    }
}
