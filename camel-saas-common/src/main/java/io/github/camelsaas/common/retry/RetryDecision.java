package io.github.camelsaas.common.retry;

import java.time.Instant;

/** What to do after an attempt: keep its outcome, or try again (after a backoff or not before a given time). */
public final class RetryDecision {

    private static final RetryDecision DONE = new RetryDecision(false, null);
    private static final RetryDecision BACKOFF = new RetryDecision(true, null);

    private final boolean retry;
    private final Instant notBefore;

    private RetryDecision(boolean retry, Instant notBefore) {
        this.retry = retry;
        this.notBefore = notBefore;
    }

    /** The outcome stands (success, or a failure that must not be retried). */
    public static RetryDecision done() {
        return DONE;
    }

    /** Retry after the policy's jittered backoff. */
    public static RetryDecision retry() {
        return BACKOFF;
    }

    /** Retry not before {@code instant} (a Retry-After or reset the server announced); backoff if null. */
    public static RetryDecision retryAt(Instant instant) {
        return instant == null ? BACKOFF : new RetryDecision(true, instant);
    }

    public boolean isRetry() {
        return retry;
    }

    /** The server-given earliest retry time, or null to use the backoff. */
    public Instant notBefore() {
        return notBefore;
    }
}
