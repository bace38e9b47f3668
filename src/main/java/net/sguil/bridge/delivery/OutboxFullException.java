package net.sguil.bridge.delivery;

import java.io.IOException;

/** The outbox holds {@link OutboxLimits#maxPendingEvents()} undelivered events; the new one was not accepted. */
public final class OutboxFullException extends IOException {
    public OutboxFullException(String message) {
        super(message);
    }
}
