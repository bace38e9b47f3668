package net.sguil.bridge.delivery;

import java.time.Duration;

/**
 * The delivery's policy, for either transport.
 *
 * @param outbox how much the outbox holds and remembers
 * @param backoffInitial first wait before reconnecting or resending after a failure; doubles up to
 *        {@code backoffMax}, jittered
 * @param idlePing with nothing to send, PING sguild this often (it never pings an agent); a closed
 *        connection is noticed within a second anyway
 * @param maxSilentAttempts sends of one event that sguild left unanswered, each on a fresh connection
 *        whose maxCid showed it was not stored, before the event counts as refused (sguild drops a bad
 *        IP, timestamp or sid without a word)
 */
public record DeliveryLimits(OutboxLimits outbox, Duration backoffInitial, Duration backoffMax, Duration idlePing,
                             int maxSilentAttempts) {
    public DeliveryLimits {
        if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0
                || idlePing.isNegative() || idlePing.isZero() || maxSilentAttempts < 1) {
            throw new IllegalArgumentException("delivery limits: positive durations, max backoff at least the"
                    + " initial one, at least one attempt");
        }
    }

    public static DeliveryLimits defaults() {
        return new DeliveryLimits(OutboxLimits.defaults(), Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(30), 3);
    }

    public DeliveryLimits withBackoff(Duration initial, Duration max) {
        return new DeliveryLimits(outbox, initial, max, idlePing, maxSilentAttempts);
    }

    public DeliveryLimits withIdlePing(Duration d) {
        return new DeliveryLimits(outbox, backoffInitial, backoffMax, d, maxSilentAttempts);
    }

    public DeliveryLimits withMaxSilentAttempts(int n) {
        return new DeliveryLimits(outbox, backoffInitial, backoffMax, idlePing, n);
    }

    public DeliveryLimits withOutbox(OutboxLimits o) {
        return new DeliveryLimits(o, backoffInitial, backoffMax, idlePing, maxSilentAttempts);
    }
}
