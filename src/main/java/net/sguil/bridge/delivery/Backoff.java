package net.sguil.bridge.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped, jittered exponential backoff between reconnection attempts. */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long current;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.current = initialMillis;
    }

    /** The next delay: between half and all of the current step, which then doubles up to the cap. */
    public long nextDelayMillis() {
        long d = current / 2 + ThreadLocalRandom.current().nextLong(current / 2 + 1);
        current = Math.min(maxMillis, current * 2);
        return d;
    }

    public void reset() {
        current = initialMillis;
    }
}
