package net.sguil.bridge.sguil.agent;

import java.util.Locale;

/**
 * What sguild answered to one GenericEvent, sorted by what a resend would do (SGUIL.md section 3,
 * step 3 of "Delivering every event exactly once"). {@code reason} is sguild's text for a {@code Failed}.
 */
public record EventReply(Kind kind, String reason) {
    public enum Kind {
        /** {@code ConfirmEvent}: stored now. */
        CONFIRMED,
        /** {@code Failed} for a duplicate (sid, cid): stored by an earlier attempt, so delivered. */
        DUPLICATE,
        /**
         * Any other {@code Failed} from sguild's database, e.g. {@code Lost connection to server during
         * query} or {@code Server has gone away} after its MariaDB restarted: the same line can succeed
         * later (a half-stored event then comes back as a duplicate), so it is kept and sent again.
         */
        TRANSIENT,
        /**
         * A {@code Failed} a resend cannot cure: the line has the wrong number of fields, or a value
         * broke sguild's SQL (which the validation before sending should have prevented).
         */
        REFUSED
    }

    public static final EventReply CONFIRMED = new EventReply(Kind.CONFIRMED, null);

    /** Sorts a {@code Failed {reason}}. */
    public static EventReply failed(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        Kind k = r.contains("duplicate entry") ? Kind.DUPLICATE
                : r.startsWith("error: invalid length") || r.contains("sql syntax") ? Kind.REFUSED
                : Kind.TRANSIENT;
        return new EventReply(k, reason);
    }

    public boolean delivered() {
        return kind == Kind.CONFIRMED || kind == Kind.DUPLICATE;
    }
}
