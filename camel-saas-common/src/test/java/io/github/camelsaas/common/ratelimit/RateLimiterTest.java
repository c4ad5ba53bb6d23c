package io.github.camelsaas.common.ratelimit;

import static io.github.camelsaas.common.ratelimit.SlidingWindowAssert.assertAtMostNInAnySpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.common.async.StoppedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter on the real clock and a real scheduler, with windows short enough to run in about a second. */
class RateLimiterTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void grantsObservedOnTheRealClockNeverExceedNPerWindow() throws Exception {
        RateLimiter limiter = new RateLimiter("test", RateLimit.of(4, Duration.ofMillis(500)),
                new InMemoryRateLimitBackend(), scheduler);
        List<Long> grantedAt = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> permits = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            permits.add(limiter.acquire("org").thenRun(() -> grantedAt.add(millisSince(start))));
        }
        // acquire returned to the caller at once: the waits are scheduled, not parked threads
        assertThat(millisSince(start)).isLessThan(400);
        CompletableFuture.allOf(permits.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(grantedAt).hasSize(12);
        assertAtMostNInAnySpan(grantedAt, 4, 500);
        // and the limiter does not dawdle: 12 permits at 4 per 500 ms take about two windows
        assertThat(Collections.max(grantedAt)).isLessThan(1500);
    }

    @Test
    void aMultiPermitAcquireIsGrantedWhenAllItsPermitsFitAndRefusesTheImpossible() throws Exception {
        RateLimiter limiter = new RateLimiter("test", RateLimit.of(4, Duration.ofMillis(400)),
                new InMemoryRateLimitBackend(), scheduler);
        long start = System.nanoTime();
        limiter.acquire("customer", 3).get(1, TimeUnit.SECONDS);
        // 1 of 4 left: the next 3 at once wait for the first 3 to leave the window
        limiter.acquire("customer", 3).get(2, TimeUnit.SECONDS);
        assertThat(millisSince(start)).isGreaterThanOrEqualTo(400);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limiter.acquire("customer", 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 permits").hasMessageContaining("can never be granted");
        limiter.close();
    }

    @Test
    void thousandsOfWaitersNeedNoThreads() {
        RateLimiter limiter = new RateLimiter("test", RateLimit.of(1, Duration.ofMinutes(1)),
                new InMemoryRateLimitBackend(), scheduler);
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            waiting.add(limiter.acquire("org"));
        }
        assertThat(waiting.get(0)).isDone();
        assertThat(waiting.stream().filter(CompletableFuture::isDone)).hasSize(1);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 1);
        limiter.close();
    }

    @Test
    void aPauseDelaysTheNextAcquireToTheAnnouncedInstant() throws Exception {
        RateLimiter limiter = new RateLimiter("test", RateLimit.of(100, Duration.ofSeconds(1)),
                new InMemoryRateLimitBackend(), scheduler);
        Instant until = Instant.now().plusMillis(300);
        limiter.pause("org", until).get();

        CompletableFuture<Instant> grantedAt = limiter.acquire("org").thenApply(ignored -> Instant.now());
        CompletableFuture<Void> otherKey = limiter.acquire("other-org");

        assertThat(otherKey).isDone();
        assertThat(grantedAt.get(2, TimeUnit.SECONDS)).isAfterOrEqualTo(until);
    }

    @Test
    void aPauseAnnouncedAfterAReservationStillHolds() throws Exception {
        RateLimiter limiter = new RateLimiter("test", RateLimit.of(1, Duration.ofMillis(200)),
                new InMemoryRateLimitBackend(), scheduler);
        limiter.acquire("org").get();
        CompletableFuture<Instant> second = limiter.acquire("org").thenApply(ignored -> Instant.now());
        Instant until = Instant.now().plusMillis(600);
        limiter.pause("org", until); // after the second permit was reserved for ~200 ms from now

        assertThat(second.get(3, TimeUnit.SECONDS)).isAfterOrEqualTo(until);
    }

    @Test
    void closingFailsWaitersWithAClearError() {
        RateLimiter limiter = new RateLimiter("kustomer org limit", RateLimit.of(1, Duration.ofMinutes(1)),
                new InMemoryRateLimitBackend(), scheduler);
        limiter.acquire("org");
        CompletableFuture<Void> waiting = limiter.acquire("org");

        limiter.close();

        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThat(waiting).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoppedException.class)
                .withMessageContaining("kustomer org limit stopped").withMessageContaining("not sent");
        assertThat(limiter.acquire("org")).isCompletedExceptionally();
    }

    @Test
    void theGrantListenerHearsOfGrantsOnlyNotOfReservationsGivenUpToAPause() throws Exception {
        RateLimiter limiter = new RateLimiter("test", RateLimit.of(1, Duration.ofMillis(200)),
                new InMemoryRateLimitBackend(), scheduler);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        limiter.setGrantListener((key, permits, at) -> heard.add(key + " x" + permits));
        limiter.acquire("org").get();
        CompletableFuture<Void> second = limiter.acquire("org");
        limiter.pause("org", Instant.now().plusMillis(400)); // the second's first reservation is given up

        second.get(3, TimeUnit.SECONDS);
        limiter.acquire("customer", 1).get();

        assertThat(heard).containsExactly("org x1", "org x1", "customer x1");
        assertThat(limiter.enforcedWindow()).isEqualTo(Duration.ofMillis(210));
    }

    @Test
    void theSafetyMarginIsSmallAndBounded() {
        assertThat(RateLimiter.safetyMargin(Duration.ofSeconds(60))).isEqualTo(Duration.ofMillis(250));
        assertThat(RateLimiter.safetyMargin(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(25));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
