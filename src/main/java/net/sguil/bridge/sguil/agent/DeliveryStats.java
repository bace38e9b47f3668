package net.sguil.bridge.sguil.agent;

import java.time.Instant;

/**
 * Counts for the health line and the status command. {@code sent} counts GenericEvent lines written
 * (resends included); {@code confirmed} counts every event known to be stored, {@code alreadyStored} the part
 * of those stored by an earlier attempt (a duplicate-entry reply, or {@code cid <= maxCid} after a reconnect).
 */
public record DeliveryStats(long submitted, long sent, long confirmed, long alreadyStored, long failed,
                            int outboxDepth, boolean connected, String lastError, Instant lastErrorAt) {
}
