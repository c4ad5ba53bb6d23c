package io.github.camelsaas.zuora.objects.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.camelsaas.common.async.Delays;

/**
 * Holds every call of a tenant back until the time the server named (a 429, or {@code RateLimit-Remaining: 0}
 * with its reset). Works with or without a client rate limiter: with {@code requestsPerMinute=0} there is no
 * limiter, yet the server's word must still be obeyed. Waits are scheduled, no thread is parked.
 */
final class TenantPause implements AutoCloseable {

    private final AtomicLong pausedUntilMillis = new AtomicLong();
    private final Delays delays;
    private final LongSupplier clockMillis;

    TenantPause(String owner, ScheduledExecutorService scheduler, LongSupplier clockMillis) {
        this.delays = new Delays(owner, scheduler);
        this.clockMillis = clockMillis;
    }

    /** No call before {@code untilMillis}; an earlier pause never shortens a later one. */
    void pauseUntil(long untilMillis) {
        pausedUntilMillis.accumulateAndGet(untilMillis, Math::max);
    }

    long pausedUntilMillis() {
        return pausedUntilMillis.get();
    }

    /** Completes when the tenant is not paused; at once when it is not paused now. */
    CompletableFuture<Void> awaitOpen() {
        long wait = pausedUntilMillis.get() - clockMillis.getAsLong();
        if (wait <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        // checked again after the wait: another answer may have extended the pause meanwhile
        return delays.after(wait).thenCompose(ignored -> awaitOpen());
    }

    /** Fails every waiting call with a StoppedException. */
    @Override
    public void close() {
        delays.close();
    }
}
