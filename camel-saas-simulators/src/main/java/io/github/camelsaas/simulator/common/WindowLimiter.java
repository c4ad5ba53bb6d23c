package io.github.camelsaas.simulator.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A server-side limit: admits at most {@code limit} requests per key per window and rejects the rest, telling the
 * caller when the key frees up. A limit of 0 or less means unlimited. Thread-safe.
 */
public final class WindowLimiter {

    /** The answer to one request: admitted or not, and what the server reports in its rate-limit headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetAtEpochMillis) {

        /** Seconds until the key frees up, rounded up, at least 1 when rejected (what Retry-After says). */
        public long retryAfterSeconds(long nowEpochMillis) {
            long millis = Math.max(0, resetAtEpochMillis - nowEpochMillis);
            return Math.max(allowed ? 0 : 1, (millis + 999) / 1000);
        }
    }

    private final LongSupplier clockMillis;
    private final Map<String, Deque<Long>> grantsByKey = new HashMap<>();
    private final Map<String, long[]> fixedCountByKey = new HashMap<>();
    private int limit;
    private long windowMillis;
    private WindowMode mode;

    public WindowLimiter(int limit, Duration window, WindowMode mode) {
        this(limit, window, mode, System::currentTimeMillis);
    }

    /** For tests that drive time by hand. */
    public WindowLimiter(int limit, Duration window, WindowMode mode, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        configure(limit, window, mode);
    }

    /** Changes the limit, window and mode; forgets what was counted so far. */
    public synchronized void configure(int limit, Duration window, WindowMode mode) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.mode = mode;
        reset();
    }

    public synchronized void reset() {
        grantsByKey.clear();
        fixedCountByKey.clear();
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized Duration window() {
        return Duration.ofMillis(windowMillis);
    }

    /** Counts a request for {@code key} if the limit allows it. */
    public synchronized Decision tryAcquire(String key) {
        long now = clockMillis.getAsLong();
        if (limit <= 0) {
            return new Decision(true, 0, Integer.MAX_VALUE, now);
        }
        return mode == WindowMode.SLIDING ? slidingAcquire(key, now) : fixedAcquire(key, now);
    }

    /** What {@link #tryAcquire} would report without counting anything. */
    public synchronized Decision peek(String key) {
        long now = clockMillis.getAsLong();
        if (limit <= 0) {
            return new Decision(true, 0, Integer.MAX_VALUE, now);
        }
        if (mode == WindowMode.SLIDING) {
            Deque<Long> grants = expire(key, now);
            long reset = grants.isEmpty() ? now : grants.peekFirst() + windowMillis;
            return new Decision(grants.size() < limit, limit, limit - grants.size(), reset);
        }
        long windowStart = now - Math.floorMod(now, windowMillis);
        long[] slot = fixedCountByKey.get(key);
        int used = slot != null && slot[0] == windowStart ? (int) slot[1] : 0;
        return new Decision(used < limit, limit, limit - used, windowStart + windowMillis);
    }

    private Decision slidingAcquire(String key, long now) {
        Deque<Long> grants = expire(key, now);
        if (grants.size() >= limit) {
            return new Decision(false, limit, 0, grants.peekFirst() + windowMillis);
        }
        grants.addLast(now);
        return new Decision(true, limit, limit - grants.size(), grants.peekFirst() + windowMillis);
    }

    private Deque<Long> expire(String key, long now) {
        Deque<Long> grants = grantsByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        // a grant at t still counts in the span (now - W, now]: it leaves once t + W <= now
        while (!grants.isEmpty() && grants.peekFirst() + windowMillis <= now) {
            grants.removeFirst();
        }
        return grants;
    }

    private Decision fixedAcquire(String key, long now) {
        long windowStart = now - Math.floorMod(now, windowMillis);
        long[] slot = fixedCountByKey.computeIfAbsent(key, k -> new long[] { windowStart, 0 });
        if (slot[0] != windowStart) {
            slot[0] = windowStart;
            slot[1] = 0;
        }
        long reset = windowStart + windowMillis;
        if (slot[1] >= limit) {
            return new Decision(false, limit, 0, reset);
        }
        slot[1]++;
        return new Decision(true, limit, (int) (limit - slot[1]), reset);
    }
}
