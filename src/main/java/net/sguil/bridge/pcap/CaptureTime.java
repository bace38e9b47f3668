package net.sguil.bridge.pcap;

import java.time.Instant;

/** Packets carry their capture time as nanoseconds since the epoch; everything above them speaks {@link Instant}. */
public final class CaptureTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private CaptureTime() {
    }

    public static Instant of(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }
}
