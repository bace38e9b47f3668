package net.sguil.bridge.daemon;

import java.util.concurrent.atomic.AtomicLong;

/** What the daemon has done so far, for the health line and the status file. Thread-safe. */
final class DaemonCounters {
    final AtomicLong alertsIn = new AtomicLong();
    final AtomicLong sessionsIn = new AtomicLong();
    final AtomicLong analysisFactsIn = new AtomicLong();
    final AtomicLong actionsQueued = new AtomicLong();
    final AtomicLong actionsDone = new AtomicLong();
    final AtomicLong actionsDropped = new AtomicLong();
    final AtomicLong actionsFailed = new AtomicLong();
    final AtomicLong conclusions = new AtomicLong();
    final AtomicLong duplicateConclusions = new AtomicLong();
    volatile String lastError;
    volatile String lastErrorAt;

    void error(String what) {
        lastError = what;
        lastErrorAt = java.time.Instant.now().toString();
    }

    long factsIn() {
        return alertsIn.get() + sessionsIn.get() + analysisFactsIn.get();
    }
}
