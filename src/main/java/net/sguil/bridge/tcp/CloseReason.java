package net.sguil.bridge.tcp;

/** Why a connection's streams ended. */
public enum CloseReason {
    /** Both sides sent FIN and every byte up to it was delivered or declared a gap. */
    FIN,
    /** One side reset the connection. */
    RESET,
    /** No packet for longer than the idle timeout (capture time). */
    IDLE_TIMEOUT,
    /** Evicted to keep the connection table within its bound. */
    EVICTED,
    /** The capture ended with the connection still open. */
    END_OF_CAPTURE
}
