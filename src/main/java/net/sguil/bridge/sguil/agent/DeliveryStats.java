package net.sguil.bridge.sguil.agent;

import java.time.Instant;

/**
 * Counts for the health line and the status command. {@code sent} counts GenericEvent lines written
 * (resends included); {@code confirmed} includes {@code duplicates} (stored by an earlier attempt).
 */
public record DeliveryStats(long submitted, long sent, long confirmed, long duplicates, long failed,
                            int outboxDepth, boolean connected, String lastError, Instant lastErrorAt) {
}
