package net.sguil.bridge.sguil.agent;

import java.io.IOException;

/** The outbox holds {@link AgentConfig#maxPendingEvents()} undelivered events; the new one was not accepted. */
public final class OutboxFullException extends IOException {
    public OutboxFullException(String message) {
        super(message);
    }
}
