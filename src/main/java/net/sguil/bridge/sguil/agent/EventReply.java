package net.sguil.bridge.sguil.agent;

/** What sguild answered to one GenericEvent. {@code reason} is sguild's text for a {@code Failed}. */
public record EventReply(Kind kind, String reason) {
    public enum Kind {
        /** {@code ConfirmEvent}: stored now. */
        CONFIRMED,
        /** {@code Failed} for a duplicate (sid, cid): stored by an earlier attempt, so delivered. */
        DUPLICATE,
        /** Any other {@code Failed}: an SQL error a resend cannot fix. */
        FAILED
    }

    public boolean delivered() {
        return kind != Kind.FAILED;
    }
}
