package net.sguil.bridge.delivery;

/** A wait that {@link #interrupt()} cuts short, for a delivery thread that must stop promptly. */
public final class Pause {
    private boolean interrupted;

    /** Waits up to {@code millis} unless interrupted (now or before). */
    public synchronized void sleep(long millis) {
        long end = System.currentTimeMillis() + millis;
        long left;
        while (!interrupted && (left = end - System.currentTimeMillis()) > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Ends the current and every later {@link #sleep}. */
    public synchronized void interrupt() {
        interrupted = true;
        notifyAll();
    }
}
