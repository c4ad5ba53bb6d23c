package io.github.camelsaas.common.ratelimit;

import static io.github.camelsaas.common.ratelimit.SlidingWindowAssert.assertAtMostNInAnySpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelsaas.common.async.StoppedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter on the real clock and a real scheduler, with windows short enough to run in about a second. */
class RateLimiterTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private RateLimiter limiter(int permits, long windowMillis) {
        return new RateLimiter("test", RateLimit.of(permits, Duration.ofMillis(windowMillis)),
                new InMemoryRateLimitBackend(), scheduler);
    }

    /**
     * Requests of random latency (0-150 ms), each "arriving at the server" at a random instant between its grant and
     * its completion: whatever the latency, no span of the window holds more than N arrivals.
     */
    @Test
    void arrivalsAnywhereBetweenGrantAndCompletionNeverExceedNPerWindow() throws Exception {
        RateLimiter limiter = limiter(4, 300);
        Random random = new Random(7);
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 16; i++) {
            int latency = random.nextInt(150);
            double arrivesAt = random.nextDouble();
            requests.add(limiter.acquire("org").thenCompose(grant -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                scheduler.schedule(() -> {
                    arrivals.add(millisSince(start) - Math.round(latency * (1 - arrivesAt)));
                    grant.completed();
                    done.complete(null);
                }, latency, TimeUnit.MILLISECONDS);
                return done;
            }));
        }
        // acquire returned to the caller before the waits were over: they are scheduled, not parked threads
        assertThat(requests).anyMatch(request -> !request.isDone());
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(arrivals).hasSize(16);
        assertAtMostNInAnySpan(arrivals, 4, 300);
    }

    @Test
    void aSlotFreesAWindowAfterItsRequestCompletedNotAfterItsGrant() throws Exception {
        RateLimiter limiter = limiter(1, 200);
        Grant first = limiter.acquire("org").get(1, TimeUnit.SECONDS);
        CompletableFuture<Grant> second = limiter.acquire("org");
        // the first request is in flight for longer than a window: its slot stays in use meanwhile
        AtomicLong completedAt = new AtomicLong();
        scheduler.schedule(() -> {
            completedAt.set(System.currentTimeMillis());
            first.completed();
        }, 300, TimeUnit.MILLISECONDS);

        Grant next = second.get(3, TimeUnit.SECONDS);

        assertThat(next.grantedAtMillis()).isGreaterThanOrEqualTo(completedAt.get() + 200);
    }

    @Test
    void aRequestNeverSentGivesItsSlotBackAtOnce() throws Exception {
        RateLimiter limiter = limiter(1, 60_000);
        Grant notSent = limiter.acquire("org").get(1, TimeUnit.SECONDS);
        CompletableFuture<Grant> next = limiter.acquire("org");
        assertThat(next).isNotDone();

        notSent.notSent();

        assertThat(next.get(2, TimeUnit.SECONDS)).isNotNull();
        limiter.close();
    }

    @Test
    void aGrantItsHolderNeverEndsFreesAtItsBound() throws Exception {
        RateLimiter limiter = new RateLimiter("test", RateLimit.of(1, Duration.ofMillis(100)),
                new InMemoryRateLimitBackend(), scheduler, Duration.ofMillis(200));
        Grant forgotten = limiter.acquire("org").get(1, TimeUnit.SECONDS);

        Grant next = limiter.acquire("org").get(3, TimeUnit.SECONDS);

        assertThat(next.grantedAtMillis() - forgotten.grantedAtMillis()).isGreaterThanOrEqualTo(200 + 100);
    }

    @Test
    void aMultiPermitAcquireIsGrantedWhenAllItsPermitsFitAndRefusesTheImpossible() throws Exception {
        RateLimiter limiter = limiter(4, 400);
        Grant three = limiter.acquire("customer", 3).get(1, TimeUnit.SECONDS);
        long completedAt = System.currentTimeMillis();
        three.completed();
        // 1 of 4 left: the next 3 at once wait for the first 3 to leave the window
        Grant next = limiter.acquire("customer", 3).get(2, TimeUnit.SECONDS);
        assertThat(next.grantedAtMillis()).isGreaterThanOrEqualTo(completedAt + 400);
        assertThat(next.permits()).isEqualTo(3);
        assertThatThrownBy(() -> limiter.acquire("customer", 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 permits").hasMessageContaining("can never be granted");
        limiter.close();
    }

    @Test
    void thousandsOfWaitersNeedNoThreadsAndAreServedInOrder() throws Exception {
        RateLimiter limiter = limiter(1, 1);
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<Grant>> waiting = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            waiting.add(limiter.acquire("org"));
        }
        assertThat(waiting.get(0)).isDone();
        assertThat(waiting.stream().filter(CompletableFuture::isDone)).hasSize(1);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
        // each one never sent: the next in line gets the slot, in the order they asked
        for (int i = 0; i < 50; i++) {
            waiting.get(i).get(2, TimeUnit.SECONDS).notSent();
            assertThat(waiting.get(i + 1).get(2, TimeUnit.SECONDS)).isNotNull();
            assertThat(waiting.get(i + 2)).isNotDone();
        }
        limiter.close();
    }

    @Test
    void aPauseDelaysTheNextAcquireToTheAnnouncedInstant() throws Exception {
        RateLimiter limiter = limiter(100, 1_000);
        Instant until = Instant.now().plusMillis(300);
        limiter.pause("org", until).get();

        CompletableFuture<Instant> grantedAt = limiter.acquire("org").thenApply(ignored -> Instant.now());
        CompletableFuture<Grant> otherKey = limiter.acquire("other-org");

        assertThat(otherKey).isDone();
        assertThat(grantedAt.get(2, TimeUnit.SECONDS)).isAfterOrEqualTo(until);
    }

    @Test
    void aPauseAnnouncedAfterAReservationStillHolds() throws Exception {
        RateLimiter limiter = limiter(1, 1_000);
        limiter.acquire("org").get().completed();
        CompletableFuture<Instant> second = limiter.acquire("org").thenApply(ignored -> Instant.now());
        Instant until = Instant.now().plusMillis(1_500);
        limiter.pause("org", until); // after the second permit was reserved for ~1 s from now
        assertThat(second).isNotDone();

        assertThat(second.get(5, TimeUnit.SECONDS)).isAfterOrEqualTo(until);
    }

    @Test
    void closingFailsWaitersWithAClearErrorAndGrantsHandedOutCanStillEnd() throws Exception {
        RateLimiter limiter = new RateLimiter("kustomer org limit", RateLimit.of(1, Duration.ofMinutes(1)),
                new InMemoryRateLimitBackend(), scheduler);
        Grant held = limiter.acquire("org").get(1, TimeUnit.SECONDS);
        CompletableFuture<Grant> waiting = limiter.acquire("org");

        limiter.close();

        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThat(waiting).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoppedException.class)
                .withMessageContaining("kustomer org limit stopped").withMessageContaining("not sent");
        assertThat(limiter.acquire("org")).isCompletedExceptionally();
        held.completed();
    }

    @Test
    void theGrantListenerHearsOfGrantsOnlyNotOfReservationsGivenUpToAPause() throws Exception {
        RateLimiter limiter = limiter(1, 1_000);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        limiter.setGrantListener((key, permits, at) -> heard.add(key + " x" + permits));
        limiter.acquire("org").get().completed();
        CompletableFuture<Grant> second = limiter.acquire("org");
        limiter.pause("org", Instant.now().plusMillis(1_500)); // the second's first reservation is given up
        assertThat(second).isNotDone();

        second.get(5, TimeUnit.SECONDS);
        limiter.acquire("customer", 1).get();

        assertThat(heard).containsExactly("org x1", "org x1", "customer x1");
    }

    @Test
    void onlyAFewMillisecondsAreAddedToTheWindow() {
        assertThat(limiter(1, 200).enforcedWindow()).isEqualTo(Duration.ofMillis(205));
        assertThat(limiter(1, 60_000).enforcedWindow()).isEqualTo(Duration.ofMillis(60_005));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
