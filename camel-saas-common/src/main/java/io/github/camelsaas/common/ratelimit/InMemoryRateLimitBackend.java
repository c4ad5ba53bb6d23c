package io.github.camelsaas.common.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grant history per key in this JVM. Per key it remembers the last N grant times in a ring; the next grant may
 * not come before the N-th latest grant plus the window, which is exactly "at most N in any span of W".
 * Keys idle for longer than their window are dropped so per-customer keys do not pile up.
 */
public final class InMemoryRateLimitBackend implements RateLimitBackend {

    private static final int SWEEP_EVERY = 4096;

    private final ConcurrentHashMap<String, KeyState> states = new ConcurrentHashMap<>();
    private final AtomicLong reservations = new AtomicLong();

    @Override
    public CompletableFuture<Long> reserve(String key, RateLimit limit, long nowMillis) {
        return reserve(key, limit, nowMillis, 1);
    }

    @Override
    public CompletableFuture<Long> reserve(String key, RateLimit limit, long nowMillis, int permits) {
        if (permits < 1 || permits > limit.permits()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot reserve " + permits
                    + " permits at once under a limit of " + limit));
        }
        KeyState state = states.computeIfAbsent(key, k -> new KeyState());
        long slot;
        synchronized (state) {
            slot = state.reserve(limit, nowMillis, permits);
        }
        if (reservations.incrementAndGet() % SWEEP_EVERY == 0) {
            sweepIdle(nowMillis);
        }
        return CompletableFuture.completedFuture(slot);
    }

    @Override
    public CompletableFuture<Void> pause(String key, long untilMillis) {
        KeyState state = states.computeIfAbsent(key, k -> new KeyState());
        synchronized (state) {
            state.pausedUntil = Math.max(state.pausedUntil, untilMillis);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Long> pausedUntil(String key, long nowMillis) {
        KeyState state = states.get(key);
        if (state == null) {
            return CompletableFuture.completedFuture(0L);
        }
        synchronized (state) {
            return CompletableFuture.completedFuture(state.pausedUntil);
        }
    }

    /** Keys currently remembered (for tests of the idle sweep). */
    int keyCount() {
        return states.size();
    }

    void sweepIdle(long nowMillis) {
        states.entrySet().removeIf(entry -> {
            KeyState state = entry.getValue();
            synchronized (state) {
                return state.idleSince(nowMillis);
            }
        });
    }

    /** The ring of the last N grant times of one key. Guarded by its own monitor. */
    private static final class KeyState {
        private long[] grants = new long[0];
        private int next; // index of the oldest remembered grant, where the next one is written
        private int size;
        private long windowMillis;
        private long pausedUntil;

        /** Reserves {@code count} grants at one slot; {@code count} is at most the limit's permits. */
        long reserve(RateLimit limit, long nowMillis, int count) {
            resizeFor(limit);
            int capacity = grants.length;
            long slot = Math.max(nowMillis, pausedUntil);
            // for count more grants to fit, this many of the oldest remembered ones must have left the window
            int mustHaveLeft = size + count - capacity;
            if (mustHaveLeft > 0) {
                int oldest = (next - size + capacity) % capacity;
                slot = Math.max(slot, grants[(oldest + mustHaveLeft - 1) % capacity] + windowMillis);
            }
            // grants are handed out in order, so slots never go backwards even when the clock does
            if (size > 0) {
                slot = Math.max(slot, grants[(next - 1 + capacity) % capacity]);
            }
            for (int i = 0; i < count; i++) {
                grants[next] = slot;
                next = (next + 1) % capacity;
            }
            size = Math.min(size + count, capacity);
            return slot;
        }

        /** A changed limit (adaptive limits do that) keeps the most recent grants that still fit. */
        private void resizeFor(RateLimit limit) {
            windowMillis = limit.window().toMillis();
            if (grants.length == limit.permits()) {
                return;
            }
            long[] resized = new long[limit.permits()];
            int keep = Math.min(size, resized.length);
            for (int i = 0; i < keep; i++) {
                // copy the newest `keep` grants, oldest first
                resized[i] = grants[(next - keep + i + grants.length) % grants.length];
            }
            grants = resized;
            size = keep;
            next = keep % resized.length;
        }

        boolean idleSince(long nowMillis) {
            if (pausedUntil > nowMillis) {
                return false;
            }
            if (size == 0) {
                return true;
            }
            long latest = grants[(next - 1 + grants.length) % grants.length];
            return latest + windowMillis <= nowMillis;
        }
    }
}
