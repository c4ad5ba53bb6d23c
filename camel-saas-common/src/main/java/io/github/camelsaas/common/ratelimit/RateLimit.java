package io.github.camelsaas.common.ratelimit;

import java.time.Duration;

/**
 * A limit of at most {@code permits} grants in any span of length {@code window}. That sliding reading is the one
 * that holds whatever window the vendor really uses (fixed or sliding, aligned with ours or not).
 */
public record RateLimit(int permits, Duration window) {

    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 permit per window, was " + permits);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive window, was " + window);
        }
    }

    public static RateLimit of(int permits, Duration window) {
        return new RateLimit(permits, window);
    }

    @Override
    public String toString() {
        return permits + " per " + window.toMillis() + " ms";
    }
}
