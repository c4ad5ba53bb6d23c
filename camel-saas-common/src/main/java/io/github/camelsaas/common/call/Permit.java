package io.github.camelsaas.common.call;

import io.github.camelsaas.common.ratelimit.RateLimiter;

/** One rate-limit permit a call must hold before it is sent: a limiter and the key it counts under. */
public record Permit(RateLimiter limiter, String key) {

    @Override
    public String toString() {
        return limiter.name() + "[" + key + "]";
    }
}
