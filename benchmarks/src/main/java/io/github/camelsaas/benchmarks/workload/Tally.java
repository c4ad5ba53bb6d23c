package io.github.camelsaas.benchmarks.workload;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Counts records settled by routes running on other threads, and lets the timing thread wait for all of them. */
public final class Tally {

    private long succeeded;
    private long failed;

    public synchronized void succeeded(long records) {
        succeeded += records;
        notifyAll();
    }

    public synchronized void failed(long records) {
        failed += records;
        notifyAll();
    }

    public synchronized long succeeded() {
        return succeeded;
    }

    public synchronized long failed() {
        return failed;
    }

    public synchronized void reset() {
        succeeded = 0;
        failed = 0;
    }

    /** Waits until {@code records} records are settled, either way. */
    public synchronized void awaitSettled(long records, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (succeeded + failed < records) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("only " + (succeeded + failed) + " of " + records + " records settled in "
                        + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
