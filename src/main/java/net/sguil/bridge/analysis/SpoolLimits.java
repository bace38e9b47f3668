package net.sguil.bridge.analysis;

/**
 * How much heap messages waiting for MIME analysis may take before they go to disk.
 *
 * @param memory heap all messages in flight may take together
 * @param memoryPerMessage a message larger than this always goes to a private spool file (by default 1 MB: a
 *        few large messages growing towards a bigger limit took the whole budget, by doubling arrays
 *        they then copied to disk anyway, and sent every small message to disk meanwhile)
 */
public record SpoolLimits(long memory, int memoryPerMessage) {
    public SpoolLimits {
        if (memory < 0 || memoryPerMessage < 0) {
            throw new IllegalArgumentException("spool limits must not be negative");
        }
    }

    public static SpoolLimits defaults() {
        return new SpoolLimits(32L << 20, 1 << 20);
    }
}
