package io.github.camelsaas.common.call;

import io.github.camelsaas.common.ratelimit.RateLimiter;

/**
 * Rate-limit permits a call must hold before it is sent: a limiter, the key it counts under, and how many times
 * the server counts the call against that key (1, except for bulk calls that count once per item). Several
 * permits of one Permit are granted at the same instant.
 */
public record Permit(RateLimiter limiter, String key, int count) {

    public Permit {
        if (count < 1) {
            throw new IllegalArgumentException("a permit counts at least once, was " + count);
        }
    }

    /** A single permit. */
    public Permit(RateLimiter limiter, String key) {
        this(limiter, key, 1);
    }

    @Override
    public String toString() {
        return limiter.name() + "[" + key + "]" + (count == 1 ? "" : " x" + count);
    }
}
