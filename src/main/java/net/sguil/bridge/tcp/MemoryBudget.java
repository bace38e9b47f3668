package net.sguil.bridge.tcp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap one analysis run may take for what it holds on behalf of the traffic: the connection
 * table, out-of-order data, what each connection's analyzers hold (protocol detection, SMTP and
 * HTTP parser state, as {@link StreamHandler#heldBytes()} reports it) and the messages being
 * spooled. Every holder charges what it takes and gives it back when done; the
 * {@link TcpReassembler} sheds load when the budget is exceeded, evicting the connections idle the
 * longest ({@code tcp.evicted_memory}), so a flood of cheap connections costs evictions, not the
 * process. Charges are estimates of retained heap, made where the memory is taken. Thread-safe:
 * spools are released on the analysis workers.
 */
public final class MemoryBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    public MemoryBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("memory budget must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** A budget never exceeded: for analyses of one known session, and for tests. */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE);
    }

    /** Takes {@code bytes} (negative: gives them back) whatever the limit: what is held is held. */
    public void charge(long bytes) {
        used.addAndGet(bytes);
    }

    /** Takes {@code bytes} only if that stays within the limit. */
    public boolean tryCharge(long bytes) {
        if (used.addAndGet(bytes) <= limit) {
            return true;
        }
        used.addAndGet(-bytes);
        return false;
    }

    public boolean exceeded() {
        return used.get() > limit;
    }

    public long used() {
        return used.get();
    }

    public long limit() {
        return limit;
    }
}
