package io.github.camelsaas.common.ratelimit;

import static io.github.camelsaas.common.ratelimit.SlidingWindowAssert.assertAtMostNInAnySpan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The reservation arithmetic, on a clock driven by hand. */
class InMemoryRateLimitBackendTest {

    private static final RateLimit FIVE_PER_SECOND = RateLimit.of(5, Duration.ofMillis(1000));

    private final InMemoryRateLimitBackend backend = new InMemoryRateLimitBackend();

    private long reserve(String key, RateLimit limit, long now) {
        return backend.reserve(key, limit, now).join();
    }

    @Test
    void aBurstIsSpreadOverWindowsNeverFrontLoaded() {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            slots.add(reserve("org", FIVE_PER_SECOND, 0));
        }
        // a greedy token bucket would grant ~2N in the first window; we grant N per window, no more
        assertThat(slots.subList(0, 5)).containsOnly(0L);
        assertThat(slots.subList(5, 10)).containsOnly(1000L);
        assertThat(slots.subList(10, 15)).containsOnly(2000L);
        assertAtMostNInAnySpan(slots, 5, 1000);
    }

    @Test
    void grantsAcrossAFixedWindowBoundaryDoNotDouble() {
        // N just before a boundary and N just after it: a fixed-window refill would allow all 2N within 2 ms
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slots.add(reserve("org", FIVE_PER_SECOND, 999));
        }
        for (int i = 0; i < 5; i++) {
            slots.add(reserve("org", FIVE_PER_SECOND, 1001));
        }
        assertThat(slots.subList(5, 10)).containsOnly(1999L);
        assertAtMostNInAnySpan(slots, 5, 1000);
    }

    @Test
    void randomSteadyAndBurstyLoadNeverExceedsTheLimit() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int permits = 1 + random.nextInt(20);
            RateLimit limit = RateLimit.of(permits, Duration.ofMillis(100 + random.nextInt(1000)));
            List<Long> slots = new ArrayList<>();
            long now = 0;
            for (int i = 0; i < 500; i++) {
                // mixes bursts (no time passes) with gaps shorter and longer than the window
                now += random.nextInt(4) == 0 ? random.nextInt(3 * (int) limit.window().toMillis()) : 0;
                long slot = reserve("k" + round, limit, now);
                assertThat(slot).isGreaterThanOrEqualTo(now);
                slots.add(slot);
            }
            assertAtMostNInAnySpan(slots, permits, limit.window().toMillis());
        }
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 5; i++) {
            reserve("customer-a", FIVE_PER_SECOND, 0);
        }
        assertThat(reserve("customer-a", FIVE_PER_SECOND, 0)).isEqualTo(1000);
        assertThat(reserve("customer-b", FIVE_PER_SECOND, 0)).isZero();
    }

    @Test
    void aPauseMovesTheNextGrantToTheAnnouncedInstant() {
        reserve("org", FIVE_PER_SECOND, 0);
        backend.pause("org", 5_000).join();
        assertThat(reserve("org", FIVE_PER_SECOND, 10)).isEqualTo(5_000);
        assertThat(reserve("other", FIVE_PER_SECOND, 10)).isEqualTo(10);
        // a pause never shortens an earlier, longer one
        backend.pause("org", 4_000).join();
        assertThat(reserve("org", FIVE_PER_SECOND, 20)).isEqualTo(5_000);
    }

    @Test
    void changingTheLimitKeepsTheNewestGrants() {
        for (int i = 0; i < 5; i++) {
            reserve("org", FIVE_PER_SECOND, i * 10);
        }
        RateLimit twoPerSecond = RateLimit.of(2, Duration.ofMillis(1000));
        // the two newest grants (30, 40) fill the smaller ring: the next one waits for 30 + 1000
        assertThat(reserve("org", twoPerSecond, 50)).isEqualTo(1030);
        RateLimit tenPerSecond = RateLimit.of(10, Duration.ofMillis(1000));
        assertThat(reserve("org", tenPerSecond, 1040)).isEqualTo(1040);
    }

    @Test
    void idleKeysAreForgotten() {
        reserve("old", FIVE_PER_SECOND, 0);
        reserve("recent", FIVE_PER_SECOND, 900);
        backend.sweepIdle(1500);
        assertThat(backend.keyCount()).isEqualTo(1);
        assertThat(reserve("recent", FIVE_PER_SECOND, 1500)).isEqualTo(1500);
    }

    @Test
    void severalPermitsAreGrantedAtOneInstantWhenAllOfThemFit() {
        for (int i = 0; i < 3; i++) {
            reserve("customer", FIVE_PER_SECOND, i * 100);
        }
        // 3 of 5 are taken (at 0, 100, 200): 4 more fit only once the two oldest have left the window
        assertThat(backend.reserve("customer", FIVE_PER_SECOND, 300, 4).join()).isEqualTo(1100);
        // all four count from that instant: the next single grant waits for the grant at 200 to leave
        assertThat(reserve("customer", FIVE_PER_SECOND, 1100)).isEqualTo(1200);
        assertThat(reserve("customer", FIVE_PER_SECOND, 1200)).isEqualTo(2100);
    }

    @Test
    void randomMultiPermitLoadNeverExceedsTheLimit() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int permits = 1 + random.nextInt(20);
            RateLimit limit = RateLimit.of(permits, Duration.ofMillis(100 + random.nextInt(1000)));
            List<Long> slots = new ArrayList<>();
            long now = 0;
            for (int i = 0; i < 300; i++) {
                now += random.nextInt(4) == 0 ? random.nextInt(3 * (int) limit.window().toMillis()) : 0;
                int count = 1 + random.nextInt(permits);
                long slot = backend.reserve("k" + round, limit, now, count).join();
                assertThat(slot).isGreaterThanOrEqualTo(now);
                for (int c = 0; c < count; c++) {
                    slots.add(slot);
                }
            }
            assertAtMostNInAnySpan(slots, permits, limit.window().toMillis());
        }
    }

    @Test
    void morePermitsThanTheLimitCanNeverBeReserved() {
        assertThat(backend.reserve("customer", FIVE_PER_SECOND, 0, 6)).isCompletedExceptionally();
    }
}
