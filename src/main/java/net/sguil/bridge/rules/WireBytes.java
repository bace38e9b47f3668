package net.sguil.bridge.rules;

/**
 * A value that is bytes from the wire read one char per byte (ISO-8859-1), as the HTTP and SMTP
 * analyzers hand over URIs, headers, bodies and envelope addresses: an event detail shows its bytes
 * beyond ASCII as {@code \xNN} rather than as characters. Made by {@link EventBuilder#wire(String)}.
 */
public record WireBytes(String latin1) {
    public WireBytes {
        latin1 = latin1 == null ? "" : latin1;
    }

    @Override
    public String toString() {
        return latin1;
    }
}
