package net.sguil.bridge.analysis;

import net.sguil.bridge.tcp.MemoryBudget;

/**
 * The one memory budget of an analysis run ({@link MemoryBudget}): the connection table,
 * out-of-order data, protocol detection, SMTP and HTTP parser state and the messages being spooled
 * all take from it; past it the connections idle the longest are evicted ({@code tcp.evicted_memory}).
 *
 * @param budget bytes of heap; 0 takes {@code heapPercent} of the JVM's maximum heap
 * @param heapPercent the share of the maximum heap ({@code -Xmx}) the budget is when {@code budget} is 0;
 *        the rest is for the analysis' working memory (MIME decoding, hashing, the rules)
 */
public record MemoryLimits(long budget, int heapPercent) {
    public MemoryLimits {
        if (budget < 0 || heapPercent < 1 || heapPercent > 90) {
            throw new IllegalArgumentException("the memory budget must not be negative and heap_percent must be 1..90");
        }
    }

    public static MemoryLimits defaults() {
        return new MemoryLimits(0, 40);
    }

    /** The budget in bytes, for this JVM. */
    public long bytes() {
        return budget > 0 ? budget : Runtime.getRuntime().maxMemory() / 100 * heapPercent;
    }
}
