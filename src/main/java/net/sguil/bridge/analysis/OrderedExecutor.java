package net.sguil.bridge.analysis;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs work on a pool of threads but delivers the results in submission order on one output
 * thread, so that output is deterministic. The queue of unfinished work is bounded: a submitter
 * that runs ahead of the workers waits, which bounds the spool files in flight.
 */
final class OrderedExecutor implements AutoCloseable {
    private static final Future<Runnable> END = CompletableFuture.completedFuture(null);

    private final ExecutorService workers;
    private final BlockingQueue<Future<Runnable>> inOrder;
    private final Thread output;
    private volatile Throwable outputFailure;

    OrderedExecutor(int threads) {
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "extract-worker");
            t.setDaemon(true);
            return t;
        });
        this.inOrder = new ArrayBlockingQueue<>(4 * threads + 4);
        this.output = new Thread(this::deliver, "extract-output");
        this.output.setDaemon(true);
        this.output.start();
    }

    /** Runs {@code work} on a worker; the delivery it returns runs on the output thread, in order. */
    void submit(Callable<Runnable> work) {
        enqueue(workers.submit(work));
    }

    /** A delivery with no work before it, kept in order with the rest. */
    void submitDelivery(Runnable delivery) {
        enqueue(CompletableFuture.completedFuture(delivery));
    }

    private void enqueue(Future<Runnable> f) {
        try {
            inOrder.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing extraction work", e);
        }
    }

    private void deliver() {
        while (true) {
            Future<Runnable> f;
            try {
                f = inOrder.take();
                if (f == END) {
                    return;
                }
                f.get().run();
            } catch (InterruptedException e) {
                return;
            } catch (ExecutionException | RuntimeException | Error e) {
                outputFailure = e instanceof ExecutionException ? e.getCause() : e;
                // Keep draining so that submitters never block forever; the failure is rethrown at close.
            }
        }
    }

    /** Waits for every delivery; rethrows the first failure of a delivery. */
    @Override
    public void close() {
        enqueue(END);
        try {
            output.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outputFailure instanceof Error e) {
            throw e;
        }
        if (outputFailure != null) {
            throw new IllegalStateException("extraction output failed: " + outputFailure, outputFailure);
        }
    }
}
