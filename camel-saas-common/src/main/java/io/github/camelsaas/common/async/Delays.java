package io.github.camelsaas.common.async;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Futures that complete after a delay, scheduled on a shared scheduler so no thread is parked while waiting.
 * Every pending delay is tracked: {@link #close()} fails them with a {@link StoppedException}, because a
 * scheduler that is shut down would otherwise drop them and leave their callers hanging forever.
 */
public final class Delays implements AutoCloseable {

    private final String owner;
    private final ScheduledExecutorService scheduler;
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param owner     named in the error a stopped wait fails with, e.g. "kustomer rate limiter"
     * @param scheduler owned by the caller (not shut down here)
     */
    public Delays(String owner, ScheduledExecutorService scheduler) {
        this.owner = owner;
        this.scheduler = scheduler;
    }

    /** A future that completes after {@code delayMillis} (at once when it is zero or negative). */
    public CompletableFuture<Void> after(long delayMillis) {
        if (closed) {
            return CompletableFuture.failedFuture(stopped());
        }
        if (delayMillis <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> delay = new CompletableFuture<>();
        pending.add(delay);
        delay.whenComplete((ignored, failure) -> pending.remove(delay));
        try {
            scheduler.schedule(() -> delay.complete(null), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            delay.completeExceptionally(stopped());
        }
        if (closed) {
            // close() ran between the check above and the add: make sure this one does not outlive it
            delay.completeExceptionally(stopped());
        }
        return delay;
    }

    /** How many delays are waiting now. */
    int pendingCount() {
        return pending.size();
    }

    /** Fails every pending delay and every later one with a {@link StoppedException}. */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<Void> delay : pending) {
            delay.completeExceptionally(stopped());
        }
    }

    private StoppedException stopped() {
        return new StoppedException(owner + " stopped while a request was waiting; the request was not sent");
    }
}
