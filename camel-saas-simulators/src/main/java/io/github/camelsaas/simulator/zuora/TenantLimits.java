package io.github.camelsaas.simulator.zuora;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.camelsaas.simulator.common.SimResponse;
import io.github.camelsaas.simulator.common.WindowLimiter;
import io.github.camelsaas.simulator.common.WindowMode;

/**
 * Zuora's per-tenant limits on data calls: requests per window (50,000 per minute in production by default)
 * and requests in flight (40 by default), and the {@code RateLimit-*} headers that report them.
 */
final class TenantLimits {

    static final int DEFAULT_REQUESTS_PER_WINDOW = 50_000;
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    static final int DEFAULT_CONCURRENCY_LIMIT = 40;

    private final LongSupplier clockMillis;
    private final WindowLimiter requests;
    private volatile int concurrencyLimit = DEFAULT_CONCURRENCY_LIMIT;

    TenantLimits(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.requests = new WindowLimiter(DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW, WindowMode.SLIDING, clockMillis);
    }

    /** Requests per window per tenant; a limit of 0 or less turns the limit (and its headers) off. */
    void setRequestLimit(int limit, Duration window, WindowMode mode) {
        requests.configure(limit, window, mode);
    }

    /** Calls in flight at once; 0 or less turns the limit off. */
    void setConcurrencyLimit(int limit) {
        this.concurrencyLimit = limit;
    }

    int concurrencyLimit() {
        return concurrencyLimit;
    }

    /** Whether a call that sees {@code inFlight} calls in flight, itself included, is over the concurrency limit. */
    boolean overConcurrencyLimit(int inFlight) {
        int limit = concurrencyLimit;
        return limit > 0 && inFlight > limit;
    }

    /** Counts one request of the tenant if its window allows it. */
    WindowLimiter.Decision acquire(String tenantId) {
        return requests.tryAcquire(tenantId);
    }

    /** The tenant's current standing, without counting anything. */
    WindowLimiter.Decision peek(String tenantId) {
        return requests.peek(tenantId);
    }

    void reset() {
        requests.reset();
    }

    void restoreDefaults() {
        requests.configure(DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW, WindowMode.SLIDING);
        concurrencyLimit = DEFAULT_CONCURRENCY_LIMIT;
    }

    /**
     * Adds Zuora's rate-limit headers: {@code RateLimit-Limit: 50000, 50000;w=60} (quota, then quota with its
     * window in seconds; windows under a second show as 1), {@code RateLimit-Remaining} and
     * {@code RateLimit-Reset} (seconds until the window frees up, rounded up). Nothing when the limit is off.
     */
    SimResponse withHeaders(SimResponse response, WindowLimiter.Decision decision) {
        if (decision.limit() <= 0) {
            return response;
        }
        long windowSeconds = Math.max(1, (requests.window().toMillis() + 999) / 1000);
        long now = clockMillis.getAsLong();
        long resetSeconds = (Math.max(0, decision.resetAtEpochMillis() - now) + 999) / 1000;
        return response.header("RateLimit-Limit", decision.limit() + ", " + decision.limit() + ";w=" + windowSeconds)
                .header("RateLimit-Remaining", Math.max(0, decision.remaining()))
                .header("RateLimit-Reset", resetSeconds);
    }
}
