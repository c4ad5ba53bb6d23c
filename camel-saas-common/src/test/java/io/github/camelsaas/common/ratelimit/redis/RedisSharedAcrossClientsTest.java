package io.github.camelsaas.common.ratelimit.redis;

import static io.github.camelsaas.common.ratelimit.SlidingWindowAssert.assertAtMostNInAnySpan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two backends with two separate Redis clients (two connections, as two JVMs would have), on the Redis server's
 * clock as in production, each behind its own {@link RateLimiter}: together they keep one limit and one pause.
 */
class RedisSharedAcrossClientsTest {

    private static final RateLimit FOUR_PER_400_MS = RateLimit.of(4, Duration.ofMillis(400));

    @RegisterExtension
    static final RunningRedis redis = new RunningRedis();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        scheduler.shutdownNow();
    }

    private RedisRateLimitBackend backend(String prefix) {
        RedisRateLimitBackend backend = RedisRateLimitBackend.builder(redis.uri()).keyPrefix(prefix).connect();
        closeables.add(backend);
        return backend;
    }

    private RateLimiter limiter(RateLimitBackend backend) {
        RateLimiter limiter = new RateLimiter("test", FOUR_PER_400_MS, backend, scheduler);
        closeables.add(0, limiter);
        return limiter;
    }

    @Test
    void twoClientsTogetherGrantAtMostNPerWindow() throws Exception {
        List<Long> arrivals = arrivals(limiter(backend("shared-1:")), limiter(backend("shared-1:")));

        assertThat(arrivals).hasSize(16);
        assertAtMostNInAnySpan(arrivals, 4, 400);
        // and the limit is used: 16 requests at 4 per 400 ms, each up to 100 ms in flight, take about three
        // windows plus three round trips, not more
        assertThat(Collections.max(arrivals)).isLessThan(3 * (400 + 100) + 1_000);
    }

    @Test
    void inMemoryBackendsOfTwoJvmsWouldEachGrantTheFullLimit() throws Exception {
        // the same run without the shared store: the check above would fail, which is why it exists
        List<Long> arrivals = arrivals(limiter(new InMemoryRateLimitBackend()),
                limiter(new InMemoryRateLimitBackend()));

        long inFirstWindow = arrivals.stream().filter(time -> time < 400).count();
        assertThat(inFirstWindow).isEqualTo(8);
    }

    @Test
    void aPauseSetThroughOneClientHoldsTheOthersGrants() throws Exception {
        RedisRateLimitBackend told = backend("shared-2:");
        RedisRateLimitBackend other = backend("shared-2:");
        Instant until = Instant.now().plusMillis(600);

        limiter(told).pause("zuora-objects:tenant", until).get(5, TimeUnit.SECONDS);

        long now = System.currentTimeMillis();
        // both run on the Redis clock; only the loopback round trips separate the two translations
        assertThat(other.pausedUntil("zuora-objects:tenant", now).get(5, TimeUnit.SECONDS))
                .isBetween(until.toEpochMilli() - 50, until.toEpochMilli() + 50);
        Instant grantedAt = limiter(other).acquire("zuora-objects:tenant").thenApply(ignored -> Instant.now())
                .get(5, TimeUnit.SECONDS);
        assertThat(grantedAt).isAfterOrEqualTo(until.minusMillis(50));
        assertThat(other.pausedUntil("zuora-objects:other-tenant", now).get(5, TimeUnit.SECONDS)).isEqualTo(now);
    }

    /**
     * 8 requests of one key from each limiter at once, each in flight for a seeded 0-100 ms and counted by "the
     * server" at a random instant of that time; those instants, in ms from the start.
     */
    private List<Long> arrivals(RateLimiter first, RateLimiter second) throws Exception {
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        Random random = new Random(3);
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            for (RateLimiter limiter : List.of(first, second)) {
                int latency = random.nextInt(100);
                double arrivesAt = random.nextDouble();
                requests.add(limiter.acquire("kustomer:host:customer:1").thenCompose(grant -> {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    scheduler.schedule(() -> {
                        long now = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        arrivals.add(now - Math.round(latency * (1 - arrivesAt)));
                        grant.completed();
                        done.complete(null);
                    }, latency, TimeUnit.MILLISECONDS);
                    return done;
                }));
            }
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        return new ArrayList<>(arrivals);
    }
}
