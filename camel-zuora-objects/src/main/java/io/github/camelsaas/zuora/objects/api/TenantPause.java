package io.github.camelsaas.zuora.objects.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.async.Delays;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;

/**
 * Holds every call of a tenant back until the time the server named (a 429, or {@code RateLimit-Remaining: 0}
 * with its reset). Works with or without a client rate limiter: with {@code requestsPerMinute=0} there is no
 * limiter, yet the server's word must still be obeyed. Waits are scheduled, no thread is parked.
 *
 * <p>The pause is also written to the rate-limit backend under the tenant's key, and every call reads it from
 * there before it goes: with a shared backend (Redis) a 429 told to one replica holds the calls of all of them.
 * While a shared backend cannot be reached the call is not sent (fail closed).
 */
final class TenantPause implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TenantPause.class);

    private final String key;
    private final RateLimitBackend backend;
    private final AtomicLong pausedUntilMillis = new AtomicLong();
    private final Delays delays;
    private final LongSupplier clockMillis;

    /**
     * @param key     the tenant's key in the backend (the same as its rate limiter's, so a pause holds both)
     * @param backend where other JVMs of the tenant learn of the pause (not closed here)
     */
    TenantPause(String owner, String key, RateLimitBackend backend, ScheduledExecutorService scheduler,
                LongSupplier clockMillis) {
        this.key = key;
        this.backend = backend;
        this.delays = new Delays(owner, scheduler);
        this.clockMillis = clockMillis;
    }

    /** No call before {@code untilMillis}, here and in every JVM sharing the backend; never shortens a pause. */
    void pauseUntil(long untilMillis) {
        pausedUntilMillis.accumulateAndGet(untilMillis, Math::max);
        backend.pause(key, untilMillis).whenComplete((ignored, failure) -> {
            if (failure != null) {
                // this JVM still waits; only the other replicas are not told
                LOG.warn("Zuora tenant {}: the pause could not be shared: {}", key,
                        failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
            }
        });
    }

    long pausedUntilMillis() {
        return pausedUntilMillis.get();
    }

    /** Completes when the tenant is paused neither here nor in the backend; fails when the backend cannot say. */
    CompletableFuture<Void> awaitOpen() {
        long now = clockMillis.getAsLong();
        return backend.pausedUntil(key, now).thenCompose(shared -> {
            long wait = Math.max(pausedUntilMillis.get(), shared) - clockMillis.getAsLong();
            if (wait <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            // checked again after the wait: another answer may have extended the pause meanwhile
            return delays.after(wait).thenCompose(ignored -> awaitOpen());
        });
    }

    /** Fails every waiting call with a StoppedException. */
    @Override
    public void close() {
        delays.close();
    }
}
