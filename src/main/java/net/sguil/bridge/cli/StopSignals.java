package net.sguil.bridge.cli;

import java.util.concurrent.CompletableFuture;
import net.sguil.bridge.daemon.BridgeDaemon;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT for {@code run}, caught from before the daemon starts. A signal handler rather
 * than a shutdown hook, because a hook cannot make the exit status 0; installed first, because the
 * daemon announces it runs before {@code start} returns, and a supervisor that signals on that line
 * must not meet the JVM's default (exit 143). A signal during start-up stops the daemon once it runs.
 */
final class StopSignals {
    private final CompletableFuture<BridgeDaemon> daemon = new CompletableFuture<>();

    static StopSignals install() {
        StopSignals s = new StopSignals();
        Signal.handle(new Signal("TERM"), sig -> s.requested());
        Signal.handle(new Signal("INT"), sig -> s.requested());
        return s;
    }

    /** The daemon the signals stop from now on (at once, if one already came). */
    void attach(BridgeDaemon started) {
        daemon.complete(started);
    }

    private void requested() {
        // stopping blocks while the outbox drains; the signal dispatcher thread must not
        daemon.thenAcceptAsync(BridgeDaemon::stop, r -> new Thread(r, "stop").start());
    }
}
