package net.sguil.bridge.analysis;

import java.util.concurrent.atomic.AtomicLong;

/** Heap that messages in flight may take before they spill to disk, shared by all of them. Thread-safe. */
final class SpoolBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    SpoolBudget(long limit) {
        this.limit = limit;
    }

    boolean reserve(long n) {
        if (used.addAndGet(n) <= limit) {
            return true;
        }
        used.addAndGet(-n);
        return false;
    }

    void release(long n) {
        used.addAndGet(-n);
    }
}
