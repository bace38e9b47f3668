package net.sguil.bridge.daemon;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh miniature Sguil installation ({@link DaemonFixture}) for each daemon test. */
abstract class DaemonTestBase {
    @TempDir
    Path dir;
    DaemonFixture fx;

    @BeforeEach
    void up() throws Exception {
        fx = new DaemonFixture(dir);
    }

    @AfterEach
    void down() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    /** Waits for a condition the daemon must reach; fails after two minutes, never sleeps long. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, java.time.Duration.ofMinutes(2), condition);
    }

    /** The same with a limit of the caller's: a daemon started as a process compiles its rules first. */
    static void await(String what, java.time.Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
