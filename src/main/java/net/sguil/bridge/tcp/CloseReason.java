package net.sguil.bridge.tcp;

/** Why a connection's streams ended. */
public enum CloseReason {
    /** Both sides sent FIN and every byte up to it was delivered or declared a gap. */
    FIN,
    /** One side reset the connection. */
    RESET,
    /** No packet for longer than the idle timeout (capture time). */
    IDLE_TIMEOUT,
    /** Evicted, the least recently active, to keep the connection table within {@link TcpLimits#maxConnections()}. */
    EVICTED_TABLE_FULL,
    /** Evicted, the least recently active, because the analysis' {@link MemoryBudget} was exceeded. */
    EVICTED_MEMORY,
    /** The capture ended with the connection still open. */
    END_OF_CAPTURE;

    /** The weird counted for a connection closed this way before its end, or null for an ordinary end. */
    public TcpWeird eviction() {
        return switch (this) {
            case EVICTED_TABLE_FULL -> TcpWeird.TCP_EVICTED_TABLE_FULL;
            case EVICTED_MEMORY -> TcpWeird.TCP_EVICTED_MEMORY;
            default -> null;
        };
    }
}
