package io.github.camelsaas.common.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.async.Delays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an asynchronous attempt until its classifier says the outcome stands, the attempts are used up, or the
 * total time would be exceeded; then completes with the last outcome as it was (a final 429 response stays a
 * response, so the caller reports it as a retryable failure). Waits between attempts are scheduled, no thread is
 * parked, and {@link #close()} fails the waiting ones.
 */
public final class Retrier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final String name;
    private final RetryPolicy policy;
    private final Delays delays;
    private final LongSupplier clockMillis;

    public Retrier(String name, RetryPolicy policy, ScheduledExecutorService scheduler) {
        this(name, policy, scheduler, System::currentTimeMillis);
    }

    Retrier(String name, RetryPolicy policy, ScheduledExecutorService scheduler, LongSupplier clockMillis) {
        this.name = name;
        this.policy = policy;
        this.delays = new Delays(name, scheduler);
        this.clockMillis = clockMillis;
    }

    /** Who retries, as named in logs and errors (an endpoint, a tenant's token). */
    public String name() {
        return name;
    }

    public RetryPolicy policy() {
        return policy;
    }

    public <T> CompletableFuture<T> execute(Supplier<CompletableFuture<T>> attempt, RetryClassifier<T> classifier) {
        long deadline = clockMillis.getAsLong() + policy.maxTotalTime().toMillis();
        return run(attempt, classifier, 1, deadline);
    }

    private <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> attempt, RetryClassifier<T> classifier,
                                         int attemptNumber, long deadline) {
        return start(attempt).handle((result, failure) -> {
            Throwable cause = FutureFailures.unwrap(failure);
            RetryDecision decision = classifier.classify(cause == null ? result : null, cause, attemptNumber);
            if (!decision.isRetry()) {
                return complete(result, cause);
            }
            long waitMillis = waitBeforeRetry(decision, attemptNumber);
            if (attemptNumber >= policy.maxAttempts() || clockMillis.getAsLong() + waitMillis > deadline) {
                LOG.debug("{}: giving up after attempt {} (attempts or time used up)", name, attemptNumber);
                return complete(result, cause);
            }
            LOG.debug("{}: attempt {} will be retried in {} ms", name, attemptNumber, waitMillis);
            return delays.after(waitMillis)
                    .thenCompose(ignored -> run(attempt, classifier, attemptNumber + 1, deadline));
        }).thenCompose(next -> next);
    }

    private long waitBeforeRetry(RetryDecision decision, int attemptNumber) {
        if (decision.notBefore() != null) {
            return Math.max(0, decision.notBefore().toEpochMilli() - clockMillis.getAsLong());
        }
        Duration backoff = Backoff.fullJitter(policy, attemptNumber, ThreadLocalRandom.current()::nextDouble);
        return backoff.toMillis();
    }

    private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> attempt) {
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> CompletableFuture<T> complete(T result, Throwable failure) {
        return failure == null ? CompletableFuture.completedFuture(result) : CompletableFuture.failedFuture(failure);
    }

    /** Fails every attempt that is waiting to be retried; attempts in flight finish normally. */
    @Override
    public void close() {
        delays.close();
    }
}
