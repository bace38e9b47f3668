package net.sguil.bridge.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sguil.bridge.facts.SguilEventOut;

/**
 * A conclusion's identity, its rule and evidence key, as the hex SHA-256 of {@code rule NUL key}:
 * a fixed-size key for the outbox's memory of what it accepted, and a mark at the head of the
 * event's detail ({@value #MARK} followed by the id) by which a bridge recognises the conclusions
 * Sguil already holds, even after it lost its own state.
 */
public final class ConclusionId {
    static final String MARK = "sguil-bridge conclusion ";
    /** The mark comes first in the detail: this many hex digits of a stored detail always contain it. */
    static final int HEAD_HEX = 2 * 96;
    /** Anchored: a mark further in could come from the evidence itself, which an attacker may shape. */
    private static final Pattern IN_DETAIL = Pattern.compile("(?:<p>)?" + Pattern.quote(MARK) + "([0-9a-f]{64})");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final String LEGACY_HASHED = "sha256:";

    private ConclusionId() {
    }

    /** Null for an event without an evidence key: such events are never de-duplicated. */
    public static String of(SguilEventOut event) {
        return event.getEvidenceKey() == null ? null : hash(event.getRule() + "\u0000" + event.getEvidenceKey());
    }

    /** The id of a conclusion key as journals before these ids remembered it (the key itself, or its hash). */
    static String fromJournal(String remembered) {
        if (ID.matcher(remembered).matches()) {
            return remembered;
        }
        return remembered.startsWith(LEGACY_HASHED) ? remembered.substring(LEGACY_HASHED.length()) : hash(remembered);
    }

    /** The id marked at the head of a stored detail, or null if it has none. */
    static String inDetail(String detailHead) {
        Matcher m = IN_DETAIL.matcher(detailHead);
        return m.lookingAt() ? m.group(1) : null;
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
