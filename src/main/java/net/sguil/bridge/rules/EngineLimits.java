package net.sguil.bridge.rules;

/**
 * Resource limits of a {@link RuleEngine}.
 *
 * @param rememberedConclusions how many delivered (rule, evidence key) pairs are remembered to
 *        suppress repeats; the oldest are forgotten first
 * @param maxFiringsPerCall rule firings allowed in one {@code fireUntilQuiet} (guards against a rule
 *        that keeps re-activating itself); the rest wait for the next call
 * @param replayFireEveryMillis in replay, the rules fire before the pseudo clock moves on once it is
 *        this far (in data time) past the last firing: 1000 (the resolution of Sguil's timestamps)
 *        concludes what live operation would have; larger values batch work (faster) at the price
 *        of conclusions and sliding windows lagging by up to that much data time. Must stay well
 *        below the shortest event expiry (1 hour).
 */
public record EngineLimits(int rememberedConclusions, int maxFiringsPerCall, long replayFireEveryMillis) {
    public EngineLimits {
        if (rememberedConclusions < 1 || maxFiringsPerCall < 1 || replayFireEveryMillis < 0
                || replayFireEveryMillis > 600_000) {
            throw new IllegalArgumentException("limits must be positive (and fire at least every 10 minutes)");
        }
    }

    public static EngineLimits defaults() {
        return new EngineLimits(100_000, 10_000_000, 1000);
    }

    public EngineLimits withReplayFireEveryMillis(long millis) {
        return new EngineLimits(rememberedConclusions, maxFiringsPerCall, millis);
    }
}
