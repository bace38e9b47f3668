package net.sguil.bridge.daemon;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.sguil.bridge.delivery.LastError;
import net.sguil.bridge.weird.Weirds;

/** What the daemon has done so far, for the health line and the status file. Thread-safe. */
final class DaemonCounters {
    final AtomicLong alertsIn = new AtomicLong();
    final AtomicLong sessionsIn = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong analysisFacts = new AtomicLong();
    final AtomicLong captures = new AtomicLong();
    final AtomicLong actionsQueued = new AtomicLong();
    final AtomicLong actionsDone = new AtomicLong();
    final AtomicLong actionsDropped = new AtomicLong();
    final AtomicLong actionsFailed = new AtomicLong();
    final AtomicLong conclusions = new AtomicLong();
    final AtomicLong duplicateConclusions = new AtomicLong();
    /** The weirds of every capture the pcap analyses read. */
    final Weirds analysisWeirds = new Weirds();
    final AtomicReference<LastError> lastError = new AtomicReference<>();

    void error(String what) {
        lastError.set(LastError.now(what));
    }
}
