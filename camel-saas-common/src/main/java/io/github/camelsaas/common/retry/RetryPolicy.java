package io.github.camelsaas.common.retry;

import java.time.Duration;

/**
 * How long to keep trying: at most {@code maxAttempts} attempts (the first one included) and never past
 * {@code maxTotalTime} after the first; between attempts an exponential backoff with full jitter, starting at
 * {@code initialBackoff} and capped at {@code maxBackoff}, unless the server named a time.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalTime) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("maxTotalTime", maxTotalTime);
    }

    /** {@code maxRetries} retries after the first attempt, backoff 200 ms doubling up to 30 s, 5 minutes in all. */
    public static RetryPolicy withMaxRetries(int maxRetries) {
        return new RetryPolicy(maxRetries + 1, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** The attempts allowed after the first one. */
    public int maxRetries() {
        return maxAttempts - 1;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
