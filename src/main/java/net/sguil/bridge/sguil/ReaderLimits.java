package net.sguil.bridge.sguil;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and policy of the incremental readers.
 *
 * @param batchSize     most rows read per sensor and poll (bounds memory per poll)
 * @param sancpLateness how long after the newest session a late sancp row may still arrive and be read;
 *                      rows loaded later than that are never read. Each poll re-reads this window, so its
 *                      cost grows with the session rate times this duration.
 * @param startAtNow    on the very first run (no state file yet), start every sensor already in the
 *                      database at its current end instead of replaying its history; sensors that appear
 *                      later are always read from their beginning
 */
public record ReaderLimits(int batchSize, Duration sancpLateness, boolean startAtNow) {
    public static final ReaderLimits DEFAULTS = new ReaderLimits(5_000, Duration.ofMinutes(30), true);

    public ReaderLimits {
        if (batchSize < 1 || batchSize > 1_000_000) {
            throw new IllegalArgumentException("batchSize must be 1..1000000");
        }
        Objects.requireNonNull(sancpLateness, "sancpLateness");
        if (sancpLateness.isNegative() || sancpLateness.compareTo(Duration.ofDays(2)) > 0) {
            throw new IllegalArgumentException("sancpLateness must be 0..2 days");
        }
    }
}
