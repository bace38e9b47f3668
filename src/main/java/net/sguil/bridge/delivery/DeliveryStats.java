package net.sguil.bridge.delivery;

import java.util.Map;

/**
 * How delivery is going, for the health line, {@code status.json} and {@code sguil-bridge status}.
 *
 * @param transport where events go: {@code sguild HOST:PORT} or {@code database}
 * @param submitted conclusions accepted into the outbox by this process
 * @param sent events written to sguild or the database, resends included
 * @param confirmed events known to be stored, {@code alreadyStored} of them by an earlier attempt (a
 *        duplicate-entry reply, or {@code cid <= maxCid} after a reconnect)
 * @param transientFailures sends that failed in a way a resend can cure (sguild's database gone, a
 *        database error); the event was kept and sent again
 * @param refused events sguild refused in a way a resend cannot cure, or never answered; dropped
 * @param droppedInvalid events the validator could not make storable; dropped
 * @param repaired events stored with a repair (IPv6 addresses, a bad class, a cut detail, …)
 * @param repairs the repairs by name ({@code delivery.address_not_ipv4}, …)
 * @param connected the transport is up now (sguild registered us; the database answers)
 * @param condition null when all is well, else what is wrong now, e.g.
 *        {@code sguild: storing fails: mysqlexec/db server: Lost connection to server during query}
 * @param lastConfirmedAt when the last event was confirmed stored (ISO-8601 UTC), null if none yet
 */
public record DeliveryStats(String transport, long submitted, long sent, long confirmed, long alreadyStored,
                            long transientFailures, long refused, long droppedInvalid, long repaired,
                            Map<String, Long> repairs, int outboxDepth, boolean connected, String condition,
                            String lastConfirmedAt, LastError lastError) {
}
