package io.github.camelsaas.common.ratelimit.redis;

import static io.github.camelsaas.common.ratelimit.SlidingWindowAssert.assertAtMostNInAnySpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.github.camelsaas.common.ratelimit.Reservation;
import io.github.camelsaas.common.ratelimit.SlotWorkload;
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

    private static final long LEASE = 10_000;

    private Reservation reserve(String key, RateLimit limit, int permits, long now) {
        clock.set(now);
        return backend.reserve(key, limit, permits, LEASE, now).join();
    }

    private Reservation reserve(String key, long now) {
        return reserve(key, FIVE_PER_SECOND, 1, now);
    }

    private void release(String key, Reservation reservation, boolean sent, long now) {
        clock.set(now);
        backend.release(key, FIVE_PER_SECOND, reservation.lease(), sent, now).join();
    }

    @Test
    void aBurstOfNGoesAtOnceAndASlotIsReusedAWindowAfterItsRequestCompleted() {
        Reservation first = reserve("org", 0);
        for (int i = 1; i < 5; i++) {
            assertThat(reserve("org", 0).atMillis()).isZero();
        }
        Reservation full = reserve("org", 10);
        assertThat(full.granted()).isFalse();
        assertThat(full.atMillis()).isEqualTo(1010);

        release("org", first, true, 400);

        Reservation next = reserve("org", 410);
        assertThat(next.granted()).isTrue();
        assertThat(next.atMillis()).isEqualTo(1400);
    }

    @Test
    void notSentGivesTheSlotBackAndAForgottenLeaseFreesAtItsBound() {
        Reservation used = reserve("org", 0);
        release("org", used, true, 100);
        for (int i = 0; i < 4; i++) {
            reserve("org", 100); // held, never released: the holder "died"
        }
        Reservation reused = reserve("org", 200);
        assertThat(reused.atMillis()).isEqualTo(1100);
        release("org", reused, false, 300);
        release("org", reused, true, 400); // a second release of one lease changes nothing
        assertThat(reserve("org", 300).atMillis()).isEqualTo(1100);

        assertThat(reserve("org", 5_000).granted()).isFalse();
        // the four forgotten slots free at their grant (100) + lease + window
        assertThat(reserve("org", 100 + LEASE + 1000).atMillis()).isEqualTo(100 + LEASE + 1000);
    }

    /** The same seeded workloads as InMemoryRateLimitBackendTest, answer for answer. */
    @Test
    void randomWorkloadsGetExactlyTheAnswersOfTheInMemoryBackend() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            int permits = 1 + random.nextInt(20);
            RateLimit limit = RateLimit.of(permits, Duration.ofMillis(100 + random.nextInt(1000)));
            SlotWorkload.Result inRedis = SlotWorkload.run(backend, "k" + round, limit, 500, round, 150);
            SlotWorkload.Result inMemory = SlotWorkload.run(new InMemoryRateLimitBackend(), "k" + round, limit, 500,
                    round, 150);
            assertThat(inRedis.answers()).as("round %d", round).isEqualTo(inMemory.answers());
            assertAtMostNInAnySpan(inRedis.arrivals(), permits, limit.window().toMillis());
        }
    }

    @Test
    void severalPermitsAreGrantedAtOneInstantWhenAllOfThemFit() {
        for (int i = 0; i < 3; i++) {
            release("customer", reserve("customer", i * 100), true, i * 100);
        }
        assertThat(reserve("customer", FIVE_PER_SECOND, 4, 300).atMillis()).isEqualTo(1100);
        assertThat(reserve("customer", 1100).atMillis()).isEqualTo(1200);
        assertThat(reserve("customer", 1100).granted()).isFalse();
        assertThat(backend.reserve("customer", FIVE_PER_SECOND, 6, LEASE, 0)).isCompletedExceptionally();
    }

    @Test
    void keysAreIndependentAndNamespaced() {
        for (int i = 0; i < 5; i++) {
            reserve("kustomer:org-a:customer:1", 0);
        }
        assertThat(reserve("kustomer:org-a:customer:1", 0).granted()).isFalse();
        assertThat(reserve("kustomer:org-a:customer:2", 0).atMillis()).isZero();
        // only held slots (and free ones that free in the future) are stored
        assertThat(redisCommands().keys("*")).containsExactlyInAnyOrder(
                "camelsaas:kustomer:org-a:customer:1:held", "camelsaas:kustomer:org-a:customer:1:leases",
                "camelsaas:kustomer:org-a:customer:2:held", "camelsaas:kustomer:org-a:customer:2:leases");
    }

    @Test
    void aHugeLimitStoresOnlyTheSlotsInUse() {
        RateLimit huge = RateLimit.of(100_000, Duration.ofMinutes(1));
        Reservation first = reserve("org", huge, 1, 0);
        reserve("org", huge, 1, 0);
        assertThat(redisCommands().zcard("camelsaas:org:held")).isEqualTo(2);
        backend.release("org", huge, first.lease(), true, 10).join();
        assertThat(redisCommands().zcard("camelsaas:org:held")).isEqualTo(1);
        assertThat(redisCommands().zcard("camelsaas:org:free")).isEqualTo(1);
        // a window later the released slot is like one never used, and is no longer stored
        reserve("org", huge, 1, 60_010);
        assertThat(redisCommands().exists("camelsaas:org:free")).isZero();
    }

    @Test
    void aLimitThatShrinksKeepsTheMostRecentlyUsedSlots() {
        for (int i = 0; i < 5; i++) {
            release("org", reserve("org", i * 10), true, i * 10 + 5);
        }
        RateLimit twoPerSecond = RateLimit.of(2, Duration.ofMillis(1000));
        assertThat(reserve("org", twoPerSecond, 1, 50).atMillis()).isEqualTo(1035);
        assertThat(reserve("org", twoPerSecond, 1, 50).atMillis()).isEqualTo(1045);
        assertThat(reserve("org", twoPerSecond, 1, 50).granted()).isFalse();
        assertThat(reserve("org", RateLimit.of(10, Duration.ofMillis(1000)), 1, 60).atMillis()).isEqualTo(60);
    }

    @Test
    void aPauseMovesTheNextGrantAndNeverShrinks() {
        reserve("org", 0);
        backend.pause("org", 5_000).join();
        assertThat(reserve("org", 10).atMillis()).isEqualTo(5_000);
        assertThat(reserve("other", 10).atMillis()).isEqualTo(10);
        backend.pause("org", 4_000).join();
        assertThat(reserve("org", 20).atMillis()).isEqualTo(5_000);
        assertThat(backend.pausedUntil("org", 20).join()).isEqualTo(5_000);
        assertThat(backend.pausedUntil("other", 20).join()).isEqualTo(20);
    }

    @Test
    void everyKeyGetsAnExpiryCoveringItsSlotsAndPause() {
        Reservation held = reserve("org", 0);
        // a slot in flight is kept until its lease's bound: grant + lease + window, plus the idle slack
        assertThat(redisCommands().pttl("camelsaas:org:held"))
                .isBetween(LEASE + 1000 - 1000, LEASE + 1000 + RedisRateLimitBackend.IDLE_SLACK_MILLIS);
        release("org", held, true, 0);
        // released: until it is free again (a window), plus the slack
        assertThat(redisCommands().pttl("camelsaas:org:free"))
                .isBetween(1L, 1000L + RedisRateLimitBackend.IDLE_SLACK_MILLIS);

        backend.pause("org", 3_000).join();
        long pauseTtl = redisCommands().pttl("camelsaas:org:pause");
        assertThat(pauseTtl).isBetween(1_500L, 3_000L + RedisRateLimitBackend.IDLE_SLACK_MILLIS);
    }

    @Test
    void idleKeysExpire() {
        RateLimit fivePer200 = RateLimit.of(5, Duration.ofMillis(200));
        for (int i = 0; i < 5; i++) {
            Reservation reservation = reserve("customer:idle", fivePer200, 1, 0);
            backend.release("customer:idle", fivePer200, reservation.lease(), true, 0).join();
        }
        assertThat(redisCommands().exists("camelsaas:customer:idle:free")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> redisCommands().exists("camelsaas:customer:idle:free") == 0);
        // forgotten: every slot was used, yet the next grant (on the same hand-set clock) waits for nothing
        assertThat(reserve("customer:idle", fivePer200, 1, 0).atMillis()).isZero();
    }

    @Test
    void aFlushedScriptCacheIsRefilledWithEval() {
        reserve("org", 0);
        redisCommands().scriptFlush();
        assertThat(redisCommands().scriptExists(RedisScript.load("reserve").sha1())).containsExactly(false);

        assertThat(reserve("org", 0).atMillis()).isZero();
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
            Reservation first = onServerClock.reserve("kustomer:h:org", FIVE_PER_SECOND, 1, LEASE, 0).join();
            assertThat(first.granted()).isTrue();
            redis.stop();

            assertThatThrownBy(() -> onServerClock.reserve("kustomer:h:org", FIVE_PER_SECOND, 1, LEASE, 0).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(RateLimitUnavailableException.class)
                    .hasMessageContaining("Redis rate-limit store at redis://127.0.0.1:" + redis.port() + "/0")
                    .hasMessageContaining("camelsaas:kustomer:h:org:free")
                    .hasMessageContaining("the request was not sent");
            assertThat(onServerClock.pause("kustomer:h:org", System.currentTimeMillis() + 1000))
                    .failsWithin(Duration.ofSeconds(5));
            assertThat(onServerClock.release("kustomer:h:org", FIVE_PER_SECOND, first.lease(), true, 0))
                    .failsWithin(Duration.ofSeconds(5));

            redis.start();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> onServerClock.reserve("kustomer:h:org", FIVE_PER_SECOND, 1, LEASE, 0).join()
                            .granted());
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
