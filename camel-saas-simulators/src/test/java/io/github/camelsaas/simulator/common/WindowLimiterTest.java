package io.github.camelsaas.simulator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class WindowLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void slidingAdmitsExactlyNInAnySpanOfW() {
        WindowLimiter limiter = new WindowLimiter(3, Duration.ofMillis(1000), WindowMode.SLIDING, now::get);
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        now.addAndGet(400);
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        assertThat(limiter.tryAcquire("k").remaining()).isZero();
        WindowLimiter.Decision rejected = limiter.tryAcquire("k");
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.resetAtEpochMillis()).isEqualTo(1_001_000);
        assertThat(rejected.retryAfterSeconds(now.get())).isEqualTo(1);

        now.set(1_000_999); // the first grant is still inside the span
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();
        now.set(1_001_000); // it has left: one slot, not three
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();
    }

    @Test
    void fixedWindowsResetAtTheBoundary() {
        now.set(10_500);
        WindowLimiter limiter = new WindowLimiter(2, Duration.ofMillis(1000), WindowMode.FIXED, now::get);
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        WindowLimiter.Decision rejected = limiter.tryAcquire("k");
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.resetAtEpochMillis()).isEqualTo(11_000);
        now.set(11_000);
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();
    }

    @Test
    void keysAreCountedApartAndZeroMeansUnlimited() {
        WindowLimiter limiter = new WindowLimiter(1, Duration.ofMillis(1000), WindowMode.SLIDING, now::get);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        limiter.configure(0, Duration.ofMillis(1000), WindowMode.SLIDING);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
    }
}
