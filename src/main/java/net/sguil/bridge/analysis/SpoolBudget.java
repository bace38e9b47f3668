package net.sguil.bridge.analysis;

import java.util.concurrent.atomic.AtomicLong;
import net.sguil.bridge.tcp.MemoryBudget;

/**
 * Heap that messages in flight may take before they spill to disk, shared by all of them: a share
 * of the analysis' {@link MemoryBudget}, charged to it as it is taken. Thread-safe.
 */
final class SpoolBudget {
    private final long limit;
    private final MemoryBudget memory;
    private final AtomicLong used = new AtomicLong();

    SpoolBudget(long limit, MemoryBudget memory) {
        this.limit = limit;
        this.memory = memory;
    }

    boolean reserve(long n) {
        if (used.addAndGet(n) <= limit) {
            memory.charge(n);
            return true;
        }
        used.addAndGet(-n);
        return false;
    }

    void release(long n) {
        used.addAndGet(-n);
        memory.charge(-n);
    }

    /** Heap a spool takes outside this share, e.g. a spill file's write buffer: charged to the whole budget only. */
    void hold(long n) {
        memory.charge(n);
    }
}
