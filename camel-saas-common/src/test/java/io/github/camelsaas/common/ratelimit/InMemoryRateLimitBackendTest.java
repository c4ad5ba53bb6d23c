package io.github.camelsaas.common.ratelimit;

import static io.github.camelsaas.common.ratelimit.SlidingWindowAssert.assertAtMostNInAnySpan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The slot arithmetic, on a clock driven by hand. */
class InMemoryRateLimitBackendTest {

    private static final RateLimit FIVE_PER_SECOND = RateLimit.of(5, Duration.ofMillis(1000));
    private static final long LEASE = 10_000;

    private final InMemoryRateLimitBackend backend = new InMemoryRateLimitBackend();

    private Reservation reserve(String key, RateLimit limit, int permits, long now) {
        return backend.reserve(key, limit, permits, LEASE, now).join();
    }

    private Reservation reserve(String key, long now) {
        return reserve(key, FIVE_PER_SECOND, 1, now);
    }

    private void completed(String key, Reservation reservation, long now) {
        backend.release(key, FIVE_PER_SECOND, reservation.lease(), true, now).join();
    }

    @Test
    void aBurstOfNGoesAtOnceAndASlotIsReusedAWindowAfterItsRequestCompleted() {
        Reservation first = reserve("org", 0);
        for (int i = 1; i < 5; i++) {
            assertThat(reserve("org", 0).atMillis()).isZero();
        }
        // all five in flight: nothing can be granted before one completes, and that is a window away at least
        Reservation full = reserve("org", 10);
        assertThat(full.granted()).isFalse();
        assertThat(full.atMillis()).isEqualTo(1010);

        completed("org", first, 400); // a slow request: counted by the server at some instant up to 400
        Reservation next = reserve("org", 410);
        assertThat(next.granted()).isTrue();
        assertThat(next.atMillis()).isEqualTo(1400);
    }

    @Test
    void aRequestNeverSentGivesItsSlotBackAsItWas() {
        Reservation used = reserve("org", 0);
        completed("org", used, 100);
        for (int i = 0; i < 4; i++) {
            reserve("org", 100);
        }
        Reservation reused = reserve("org", 200); // the slot freed at 1100
        assertThat(reused.atMillis()).isEqualTo(1100);

        backend.release("org", FIVE_PER_SECOND, reused.lease(), false, 300).join();

        assertThat(reserve("org", 300).atMillis()).isEqualTo(1100);
    }

    @Test
    void aSlotWhoseHolderNeverEndsItFreesAtItsLeaseBound() {
        for (int i = 0; i < 5; i++) {
            reserve("org", 0);
        }
        Reservation full = reserve("org", 5_000);
        assertThat(full.granted()).isFalse();
        // nobody released anything: the held slots free at grant + lease + window
        Reservation afterBound = reserve("org", LEASE + 1000);
        assertThat(afterBound.granted()).isTrue();
        assertThat(afterBound.atMillis()).isEqualTo(LEASE + 1000);
    }

    @Test
    void releasingTwiceOrAfterTheBoundChangesNothing() {
        Reservation first = reserve("org", 0);
        completed("org", first, 100);
        completed("org", first, 900); // the second release must not move the slot to 1900
        for (int i = 0; i < 4; i++) {
            reserve("org", 100);
        }
        assertThat(reserve("org", 200).atMillis()).isEqualTo(1100);
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 5; i++) {
            reserve("customer-a", 0);
        }
        assertThat(reserve("customer-a", 0).granted()).isFalse();
        assertThat(reserve("customer-b", 0).atMillis()).isZero();
    }

    @Test
    void aPauseMovesTheNextGrantToTheAnnouncedInstant() {
        reserve("org", 0);
        backend.pause("org", 5_000).join();
        assertThat(reserve("org", 10).atMillis()).isEqualTo(5_000);
        assertThat(reserve("other", 10).atMillis()).isEqualTo(10);
        // a pause never shortens an earlier, longer one
        backend.pause("org", 4_000).join();
        assertThat(reserve("org", 20).atMillis()).isEqualTo(5_000);
    }

    @Test
    void aLimitThatShrinksKeepsTheMostRecentlyUsedSlots() {
        for (int i = 0; i < 5; i++) {
            completed("org", reserve("org", i * 10), i * 10 + 5); // free at 1005, 1015, ..., 1045
        }
        RateLimit twoPerSecond = RateLimit.of(2, Duration.ofMillis(1000));
        // the two most recently used (free at 1035 and 1045) are kept
        assertThat(reserve("org", twoPerSecond, 1, 50).atMillis()).isEqualTo(1035);
        assertThat(reserve("org", twoPerSecond, 1, 50).atMillis()).isEqualTo(1045);
        assertThat(reserve("org", twoPerSecond, 1, 50).granted()).isFalse();
        RateLimit tenPerSecond = RateLimit.of(10, Duration.ofMillis(1000));
        assertThat(reserve("org", tenPerSecond, 1, 60).atMillis()).isEqualTo(60);
    }

    @Test
    void severalPermitsAreGrantedAtOneInstantWhenAllOfThemFit() {
        for (int i = 0; i < 3; i++) {
            completed("customer", reserve("customer", i * 100), i * 100);
        }
        // 3 of 5 used (free at 1000, 1100, 1200): 4 more fit once two of them are free
        Reservation four = reserve("customer", FIVE_PER_SECOND, 4, 300);
        assertThat(four.atMillis()).isEqualTo(1100);
        // the last free slot frees at 1200
        assertThat(reserve("customer", 1100).atMillis()).isEqualTo(1200);
        assertThat(reserve("customer", 1100).granted()).isFalse();
    }

    @Test
    void idleKeysAreForgotten() {
        completed("old", reserve("old", 0), 10);
        completed("recent", reserve("recent", 900), 910);
        reserve("held", 0); // in flight: never idle
        backend.sweepIdle(1500);
        assertThat(backend.keyCount()).isEqualTo(2);
        assertThat(reserve("recent", 1500).atMillis()).isEqualTo(1500);
    }

    @Test
    void randomWorkloadsKeepTheLimitOnTheArrivalInstants() {
        Random random = new Random(42);
        for (int round = 0; round < 60; round++) {
            int permits = 1 + random.nextInt(20);
            RateLimit limit = RateLimit.of(permits, Duration.ofMillis(100 + random.nextInt(1000)));
            SlotWorkload.Result result = SlotWorkload.run(backend, "k" + round, limit, 500, round, 300);
            assertThat(result.arrivals()).hasSizeGreaterThan(100);
            assertAtMostNInAnySpan(result.arrivals(), permits, limit.window().toMillis());
        }
    }

    @Test
    void morePermitsThanTheLimitCanNeverBeReserved() {
        assertThat(backend.reserve("customer", FIVE_PER_SECOND, 6, LEASE, 0)).isCompletedExceptionally();
    }
}
