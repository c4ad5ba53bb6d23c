package io.github.camelsaas.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofMinutes(1));

    @Test
    void ceilingDoublesFromTheInitialBackoffUpToTheCap() {
        assertThat(Backoff.ceiling(policy, 1)).isEqualTo(Duration.ofMillis(100));
        assertThat(Backoff.ceiling(policy, 2)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.ceiling(policy, 4)).isEqualTo(Duration.ofMillis(800));
        assertThat(Backoff.ceiling(policy, 5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(Backoff.ceiling(policy, 200)).isEqualTo(Duration.ofMillis(1000)); // no overflow
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeilingAndUsesTheWholeRange() {
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long wait = Backoff.fullJitter(policy, 3, random::nextDouble).toMillis();
            assertThat(wait).isBetween(0L, 400L);
            min = Math.min(min, wait);
            max = Math.max(max, wait);
        }
        assertThat(min).isLessThan(20);
        assertThat(max).isGreaterThan(380);
        assertThat(Backoff.fullJitter(policy, 3, () -> 0.0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void policiesAreValidated() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("initialBackoff");
        assertThat(RetryPolicy.withMaxRetries(3).maxAttempts()).isEqualTo(4);
    }
}
