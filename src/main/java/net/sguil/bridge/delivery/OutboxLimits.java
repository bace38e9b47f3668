package net.sguil.bridge.delivery;

/**
 * Limits of the durable outbox, whichever way its events leave.
 *
 * @param maxPendingEvents undelivered events held before {@link Outbox#submit} refuses more
 * @param compactAfterBytes journal size past which it is rewritten with only what is live
 * @param rememberedConclusions (rule, evidence key) pairs remembered to refuse a conclusion submitted twice
 */
public record OutboxLimits(int maxPendingEvents, long compactAfterBytes, int rememberedConclusions) {
    public OutboxLimits {
        if (maxPendingEvents < 1 || compactAfterBytes < 1 || rememberedConclusions < 1) {
            throw new IllegalArgumentException("outbox limits must be positive");
        }
    }

    public static OutboxLimits defaults() {
        return new OutboxLimits(100_000, 4L * 1024 * 1024, 200_000);
    }
}
