package io.github.camelsaas.common.async;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Caps how many calls are in flight without blocking: {@link #acquire()} returns a future that completes when a
 * slot is free, and {@link #release()} hands the slot to the oldest waiter. Waiters are completed on the given
 * executor, so the thread that releases (often an HTTP I/O thread) does not run the next caller's work.
 */
public final class AsyncSemaphore implements AutoCloseable {

    private final String owner;
    private final int permits;
    private final Executor handoff;
    private final Deque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int inUse;
    private boolean closed;

    public AsyncSemaphore(String owner, int permits, Executor handoff) {
        if (permits < 1) {
            throw new IllegalArgumentException(owner + ": the concurrency limit must be at least 1, was " + permits);
        }
        this.owner = owner;
        this.permits = permits;
        this.handoff = handoff;
    }

    /** Completes when the caller holds a slot; the caller must {@link #release()} it exactly once. */
    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(stopped());
            }
            if (inUse < permits) {
                inUse++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.addLast(waiter);
            return waiter;
        }
    }

    /** Gives a slot back: to the oldest waiter if there is one. */
    public void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiters.pollFirst();
            if (next == null) {
                if (inUse == 0) {
                    throw new IllegalStateException(owner + ": release() without a matching acquire()");
                }
                inUse--;
                return;
            }
            // the slot passes straight to the waiter: inUse stays the same
        }
        handoff.execute(() -> next.complete(null));
    }

    synchronized int inUse() {
        return inUse;
    }

    public synchronized int waiting() {
        return waiters.size();
    }

    /** Fails every waiter and every later acquire; slots already held can still be released. */
    @Override
    public void close() {
        Deque<CompletableFuture<Void>> failed;
        synchronized (this) {
            closed = true;
            failed = new ArrayDeque<>(waiters);
            waiters.clear();
        }
        failed.forEach(waiter -> waiter.completeExceptionally(stopped()));
    }

    private StoppedException stopped() {
        return new StoppedException(owner + " stopped while a request waited for a free connection slot; "
                                    + "the request was not sent");
    }
}
