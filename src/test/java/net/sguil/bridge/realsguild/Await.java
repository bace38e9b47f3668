package net.sguil.bridge.realsguild;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a state the bridge, sguild or the database reports (a row, a status field, a log
 * line): checked every 50 ms, failing after a deadline that only a hung or broken program reaches.
 * The deadline is generous because this machine may be shared and slow; it never decides a result.
 */
final class Await {
    static final Duration DEADLINE = Duration.ofMinutes(3);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, DEADLINE, condition);
    }

    static void until(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
