package io.github.camelsaas.common.ratelimit.redis;

import static io.github.camelsaas.common.ratelimit.SlidingWindowAssert.assertAtMostNInAnySpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis backend against a real redis-server. Most tests drive the scripts with a clock set by hand (the
 * backend's test-only caller clock), so windows and boundaries are exact and the slots can be compared one for one
 * with {@link InMemoryRateLimitBackend}'s; the others run on the Redis server's clock as in production.
 */
class RedisRateLimitBackendTest {

    private static final RateLimit FIVE_PER_SECOND = RateLimit.of(5, Duration.ofMillis(1000));

    private static LocalRedisServer redis;
    private static RedisClient inspector;
    private static StatefulRedisConnection<String, String> inspection;

    private final AtomicLong clock = new AtomicLong();
    private RedisRateLimitBackend backend;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedisServer.startOrSkip();
        inspector = RedisClient.create(redis.uri());
        inspection = inspector.connect();
    }

    @AfterAll
    static void stopRedis() {
        if (inspection != null) {
            inspection.close();
            inspector.shutdown();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @BeforeEach
    void connect() {
        redisCommands().flushall();
        backend = RedisRateLimitBackend.builder(redis.uri()).callerClock(clock::get).connect();
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private static RedisCommands<String, String> redisCommands() {
        return inspection.sync();
    }

    private long reserve(String key, RateLimit limit, long now) {
        return backend.reserve(key, limit, now).join();
    }

    @Test
    void aBurstIsSpreadOverWindowsNeverFrontLoaded() {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            slots.add(reserve("org", FIVE_PER_SECOND, 0));
        }
        assertThat(slots.subList(0, 5)).containsOnly(0L);
        assertThat(slots.subList(5, 10)).containsOnly(1000L);
        assertThat(slots.subList(10, 15)).containsOnly(2000L);
    }

    @Test
    void nJustBeforeAndNJustAfterABoundaryNeverBothPass() {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slots.add(reserve("org", FIVE_PER_SECOND, 999));
        }
        for (int i = 0; i < 5; i++) {
            slots.add(reserve("org", FIVE_PER_SECOND, 1001));
        }
        assertThat(slots.subList(0, 5)).containsOnly(999L);
        assertThat(slots.subList(5, 10)).containsOnly(1999L);
        assertAtMostNInAnySpan(slots, 5, 1000);
    }

    @Test
    void randomRoundsGrantExactlyTheSlotsOfTheInMemoryRing() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            InMemoryRateLimitBackend reference = new InMemoryRateLimitBackend();
            int permits = 1 + random.nextInt(20);
            RateLimit limit = RateLimit.of(permits, Duration.ofMillis(100 + random.nextInt(1000)));
            List<Long> slots = new ArrayList<>();
            long now = 0;
            for (int i = 0; i < 200; i++) {
                // bursts (no time passes) mixed with gaps shorter and longer than the window, some multi-permit
                now += random.nextInt(4) == 0 ? random.nextInt(3 * (int) limit.window().toMillis()) : 0;
                int count = random.nextInt(5) == 0 ? 1 + random.nextInt(permits) : 1;
                clock.set(now);
                long slot = backend.reserve("k" + round, limit, now, count).join();
                assertThat(slot).as("round %d, reserve %d", round, i)
                        .isEqualTo(reference.reserve("k" + round, limit, now, count).join())
                        .isGreaterThanOrEqualTo(now);
                for (int c = 0; c < count; c++) {
                    slots.add(slot);
                }
            }
            assertAtMostNInAnySpan(slots, permits, limit.window().toMillis());
        }
    }

    @Test
    void severalPermitsAreGrantedAtOneInstantWhenAllOfThemFit() {
        for (int i = 0; i < 3; i++) {
            reserve("customer", FIVE_PER_SECOND, i * 100);
        }
        // 3 of 5 are taken (at 0, 100, 200): 4 more fit only once the two oldest have left the window
        assertThat(backend.reserve("customer", FIVE_PER_SECOND, 300, 4).join()).isEqualTo(1100);
        assertThat(reserve("customer", FIVE_PER_SECOND, 1100)).isEqualTo(1200);
        assertThat(reserve("customer", FIVE_PER_SECOND, 1200)).isEqualTo(2100);
        assertThat(backend.reserve("customer", FIVE_PER_SECOND, 0, 6)).isCompletedExceptionally();
    }

    @Test
    void keysAreIndependentAndNamespaced() {
        for (int i = 0; i < 5; i++) {
            reserve("kustomer:org-a:customer:1", FIVE_PER_SECOND, 0);
        }
        assertThat(reserve("kustomer:org-a:customer:1", FIVE_PER_SECOND, 0)).isEqualTo(1000);
        assertThat(reserve("kustomer:org-a:customer:2", FIVE_PER_SECOND, 0)).isZero();
        assertThat(redisCommands().keys("*")).containsExactlyInAnyOrder(
                "camelsaas:kustomer:org-a:customer:1:grants", "camelsaas:kustomer:org-a:customer:2:grants");
    }

    @Test
    void aChangedLimitKeepsTheNewestGrants() {
        for (int i = 0; i < 5; i++) {
            reserve("org", FIVE_PER_SECOND, i * 10);
        }
        assertThat(reserve("org", RateLimit.of(2, Duration.ofMillis(1000)), 50)).isEqualTo(1030);
        assertThat(reserve("org", RateLimit.of(10, Duration.ofMillis(1000)), 1040)).isEqualTo(1040);
    }

    @Test
    void aPauseMovesTheNextGrantAndNeverShrinks() {
        reserve("org", FIVE_PER_SECOND, 0);
        backend.pause("org", 5_000).join();
        assertThat(reserve("org", FIVE_PER_SECOND, 10)).isEqualTo(5_000);
        assertThat(reserve("other", FIVE_PER_SECOND, 10)).isEqualTo(10);
        backend.pause("org", 4_000).join();
        assertThat(reserve("org", FIVE_PER_SECOND, 20)).isEqualTo(5_000);
        assertThat(backend.pausedUntil("org", 20).join()).isEqualTo(5_000);
        assertThat(backend.pausedUntil("other", 20).join()).isEqualTo(20);
    }

    @Test
    void everyKeyGetsAnExpiryCoveringItsWindowAndPause() {
        clock.set(0);
        reserve("org", FIVE_PER_SECOND, 0);
        long grantsTtl = redisCommands().pttl("camelsaas:org:grants");
        // the window plus the idle slack, counted from the grant
        assertThat(grantsTtl).isBetween(1000L, 1000L + RedisRateLimitBackend.IDLE_SLACK_MILLIS);

        backend.pause("org", 3_000).join();
        long pauseTtl = redisCommands().pttl("camelsaas:org:pause");
        assertThat(pauseTtl).isBetween(2_500L, 3_000L + RedisRateLimitBackend.IDLE_SLACK_MILLIS);
        // a grant behind the pause keeps the history until it has left its window: pause + window at least
        reserve("org", FIVE_PER_SECOND, 0);
        assertThat(redisCommands().pttl("camelsaas:org:grants")).isGreaterThanOrEqualTo(3_000L + 1000L - 100);
    }

    @Test
    void idleKeysExpire() {
        RateLimit fivePer200 = RateLimit.of(5, Duration.ofMillis(200));
        for (int i = 0; i < 5; i++) {
            reserve("customer:idle", fivePer200, 0);
        }
        assertThat(redisCommands().exists("camelsaas:customer:idle:grants")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> redisCommands().exists("camelsaas:customer:idle:grants") == 0);
        // forgotten: the ring was full, yet the next grant (on the same hand-set clock) waits for nothing
        assertThat(reserve("customer:idle", fivePer200, 0)).isZero();
    }

    @Test
    void aFlushedScriptCacheIsRefilledWithEval() {
        reserve("org", FIVE_PER_SECOND, 0);
        redisCommands().scriptFlush();
        assertThat(redisCommands().scriptExists(RedisScript.load("reserve").sha1())).containsExactly(false);

        assertThat(reserve("org", FIVE_PER_SECOND, 0)).isZero();
        assertThat(redisCommands().scriptExists(RedisScript.load("reserve").sha1())).containsExactly(true);
    }

    @Test
    void badUrisAndUnreachableServersFailClearlyWithoutThePassword() {
        assertThatThrownBy(() -> RedisRateLimitBackend.builder("http://:s3cret-pass@host:6379")
                .option("rateLimitRedisUri").connect())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateLimitRedisUri is not a valid Redis URI")
                .hasMessageNotContaining("s3cret-pass");
        // a stopped server's port: nothing listens there
        String nobody = "redis://:s3cret-pass@127.0.0.1:" + freeLoopbackPort() + "/0";
        assertThatThrownBy(() -> RedisRateLimitBackend.builder(nobody).option("rateLimitRedisUri").connect())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot reach the Redis server of rateLimitRedisUri at redis://127.0.0.1:")
                .hasMessageNotContaining("s3cret-pass");
    }

    @Test
    void whileRedisIsDownGrantsFailClosedNamingRedisAndTheKeyThenResume() {
        RedisRateLimitBackend onServerClock = RedisRateLimitBackend.connect(redis.uri());
        try {
            assertThat(onServerClock.reserve("kustomer:h:org", FIVE_PER_SECOND, 0).join()).isZero();
            redis.stop();

            assertThatThrownBy(() -> onServerClock.reserve("kustomer:h:org", FIVE_PER_SECOND, 0).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(RateLimitUnavailableException.class)
                    .hasMessageContaining("Redis rate-limit store at redis://127.0.0.1:" + redis.port() + "/0")
                    .hasMessageContaining("camelsaas:kustomer:h:org:grants")
                    .hasMessageContaining("the request was not sent");
            assertThat(onServerClock.pause("kustomer:h:org", System.currentTimeMillis() + 1000))
                    .failsWithin(Duration.ofSeconds(5));

            redis.start();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> onServerClock.reserve("kustomer:h:org", FIVE_PER_SECOND, 0).join() >= 0);
        } finally {
            onServerClock.close();
            redis.start();
            // the inspector reconnects by itself
        }
    }

    private static int freeLoopbackPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
