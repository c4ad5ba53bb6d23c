package io.github.camelsaas.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsaas.common.async.StoppedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RetryPolicy fastPolicy = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofSeconds(10));
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Answers the given statuses in turn, then 200. */
    private CompletableFuture<Integer> answer(int... statuses) {
        int attempt = attempts.getAndIncrement();
        return CompletableFuture.completedFuture(attempt < statuses.length ? statuses[attempt] : 200);
    }

    private static RetryDecision retryOn5xx(Integer status, Throwable failure, int attempt) {
        return failure != null || status >= 500 ? RetryDecision.retry() : RetryDecision.done();
    }

    @Test
    void retriesUntilTheOutcomeStands() throws Exception {
        Retrier retrier = new Retrier("test", fastPolicy, scheduler);
        int status = retrier.execute(() -> answer(503, 502), RetrierTest::retryOn5xx).get(5, TimeUnit.SECONDS);
        assertThat(status).isEqualTo(200);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aFinalOutcomeIsNotRetried() throws Exception {
        Retrier retrier = new Retrier("test", fastPolicy, scheduler);
        assertThat(retrier.execute(() -> answer(400), RetrierTest::retryOn5xx).get(5, TimeUnit.SECONDS)).isEqualTo(400);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastOutcome() throws Exception {
        Retrier retrier = new Retrier("test", fastPolicy, scheduler);
        int status = retrier.execute(() -> answer(500, 501, 502, 503, 504), RetrierTest::retryOn5xx)
                .get(5, TimeUnit.SECONDS);
        assertThat(status).isEqualTo(503);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void exceptionsAreClassifiedAndTheLastOneSurfaces() {
        Retrier retrier = new Retrier("test", fastPolicy, scheduler);
        CompletableFuture<Integer> result = retrier.execute(() -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("connection reset"));
        }, RetrierTest::retryOn5xx);
        assertThat(result).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IOException.class).withMessage("connection reset");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aServerGivenTimeIsHonoured() throws Exception {
        Retrier retrier = new Retrier("test", fastPolicy, scheduler);
        Instant notBefore = Instant.now().plusMillis(250);
        CompletableFuture<Instant> secondAttemptAt = new CompletableFuture<>();
        retrier.execute(() -> {
            if (attempts.getAndIncrement() == 1) {
                secondAttemptAt.complete(Instant.now());
            }
            return CompletableFuture.completedFuture(attempts.get() == 1 ? 429 : 200);
        }, (status, failure, attempt) -> status == 429 ? RetryDecision.retryAt(notBefore) : RetryDecision.done())
                .get(5, TimeUnit.SECONDS);
        assertThat(secondAttemptAt.get()).isAfterOrEqualTo(notBefore.minusMillis(1));
    }

    @Test
    void aWaitBeyondTheTotalTimeIsNotStarted() throws Exception {
        RetryPolicy shortBudget = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(20),
                Duration.ofMillis(500));
        Retrier retrier = new Retrier("test", shortBudget, scheduler);
        long start = System.nanoTime();
        int status = retrier.execute(() -> answer(429),
                (s, f, a) -> s == 429 ? RetryDecision.retryAt(Instant.now().plusSeconds(60)) : RetryDecision.done())
                .get(5, TimeUnit.SECONDS);
        assertThat(status).isEqualTo(429);
        assertThat(attempts).hasValue(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    }

    @Test
    void closeFailsAWaitingRetryWithAClearError() {
        Retrier retrier = new Retrier("zuora-objects retries", fastPolicy, scheduler);
        CompletableFuture<Integer> result = retrier.execute(() -> answer(429),
                (s, f, a) -> s == 429 ? RetryDecision.retryAt(Instant.now().plusSeconds(5)) : RetryDecision.done());
        retrier.close();
        assertThat(result).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoppedException.class).withMessageContaining("zuora-objects retries");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anAttemptThatThrowsIsTreatedAsAFailedAttempt() {
        Retrier retrier = new Retrier("test", new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(1)), scheduler);
        CompletableFuture<Integer> result = retrier.execute(() -> {
            throw new IllegalStateException("boom");
        }, RetrierTest::retryOn5xx);
        assertThat(result).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().withMessage("boom");
    }
}
