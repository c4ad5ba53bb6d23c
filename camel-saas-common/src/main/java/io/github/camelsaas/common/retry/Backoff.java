package io.github.camelsaas.common.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the wait before retry k is uniform in [0, min(cap, base * 2^(k-1))].
 * Full jitter spreads the retries of many clients hit by the same outage, instead of having them retry in step.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The ceiling of the wait before retry number {@code retry} (1 for the first retry). */
    public static Duration ceiling(RetryPolicy policy, int retry) {
        long base = policy.initialBackoff().toMillis();
        long cap = policy.maxBackoff().toMillis();
        int doublings = Math.min(Math.max(retry - 1, 0), 62);
        long ceiling = base > (cap >> doublings) ? cap : Math.min(cap, base << doublings);
        return Duration.ofMillis(ceiling);
    }

    /** A random wait in [0, ceiling]; {@code random} yields values in [0, 1). */
    public static Duration fullJitter(RetryPolicy policy, int retry, DoubleSupplier random) {
        return Duration.ofMillis((long) (random.getAsDouble() * (ceiling(policy, retry).toMillis() + 1)));
    }
}
