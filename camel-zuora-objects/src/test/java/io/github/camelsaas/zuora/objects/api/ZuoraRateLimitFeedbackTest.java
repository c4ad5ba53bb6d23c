package io.github.camelsaas.zuora.objects.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.call.Permit;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimiter;

class ZuoraRateLimitFeedbackTest {

    private static final String KEY = "zuora-objects:test";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryRateLimitBackend backend = new InMemoryRateLimitBackend();
    private final RateLimiter limiter = new RateLimiter("test", RateLimit.of(ZuoraTenant.UNSTATED_LIMIT,
            Duration.ofSeconds(60)), backend, scheduler);
    private final List<Permit> permits = List.of(new Permit(limiter, KEY));

    @AfterEach
    void stop() {
        limiter.close();
        scheduler.shutdownNow();
    }

    private ZuoraRateLimitFeedback feedback(boolean adoptsStatedLimit) {
        return new ZuoraRateLimitFeedback("tenant", limiter, adoptsStatedLimit);
    }

    private long pausedUntil() {
        return backend.pausedUntil(KEY, System.currentTimeMillis()).join();
    }

    @Test
    void aRemainingQuotaOfZeroPausesTheTenantsPermitUntilTheReset() {
        long before = System.currentTimeMillis();

        feedback(true).onResponse(SaasHttpResponse.of(200, "{}", "RateLimit-Remaining", "0",
                "RateLimit-Reset", "2"), permits);

        assertThat(pausedUntil()).isBetween(before + 2000, before + 3000);
        assertThat(limiter.acquire(KEY)).isNotDone();
    }

    @Test
    void aRemainingQuotaAboveZeroDoesNotPause() {
        feedback(true).onResponse(SaasHttpResponse.of(200, "{}", "RateLimit-Remaining", "1, 0;w=3600",
                "RateLimit-Reset", "2"), permits);

        assertThat(pausedUntil()).isLessThanOrEqualTo(System.currentTimeMillis());
        assertThat(limiter.acquire(KEY)).isDone();
    }

    @Test
    void a429PausesUntilRetryAfterOrOneSecondWithoutHint() {
        long before = System.currentTimeMillis();
        feedback(true).onResponse(SaasHttpResponse.of(429, "{}"), permits);
        assertThat(pausedUntil()).isBetween(before + 1000, before + 1500);

        feedback(true).onResponse(SaasHttpResponse.of(429, "{}", "Retry-After", "5"), permits);
        assertThat(pausedUntil()).isBetween(before + 5000, before + 5500);
    }

    @Test
    void withRequestsPerMinuteZeroTheLimitZuoraStatesForOurWindowIsAdopted() {
        feedback(true).onResponse(SaasHttpResponse.of(200, "{}", "RateLimit-Limit",
                "50000, 50000;w=60, 2250000;w=3600"), permits);

        assertThat(limiter.limit()).isEqualTo(RateLimit.of(50000, Duration.ofSeconds(60)));
    }

    @Test
    void aConfiguredLimitIsNeverReplacedByTheStatedOne() {
        feedback(false).onResponse(SaasHttpResponse.of(200, "{}", "RateLimit-Limit", "50000, 50000;w=60"), permits);

        assertThat(limiter.limit().permits()).isEqualTo(ZuoraTenant.UNSTATED_LIMIT);
    }

    @Test
    void onlyTheQuotaOfAWindowAsLongAsOursIsAStatedLimit() {
        assertThat(ZuoraRateLimitFeedback.statedLimit("50000, 50000;w=60, 2250000;w=3600", Duration.ofSeconds(60)))
                .isEqualTo(OptionalInt.of(50000));
        assertThat(ZuoraRateLimitFeedback.statedLimit("50000, 50000;w=60, 2250000;w=3600", Duration.ofHours(1)))
                .isEqualTo(OptionalInt.of(2250000));
        assertThat(ZuoraRateLimitFeedback.statedLimit("5, 5;w=1", Duration.ofMillis(500)))
                .isEqualTo(OptionalInt.of(5));
        assertThat(ZuoraRateLimitFeedback.statedLimit("50000", Duration.ofSeconds(60))).isEmpty();
        assertThat(ZuoraRateLimitFeedback.statedLimit("50000, 50000;w=60", Duration.ofSeconds(10))).isEmpty();
        assertThat(ZuoraRateLimitFeedback.statedLimit("n/a;w=60", Duration.ofSeconds(60))).isEmpty();
        assertThat(ZuoraRateLimitFeedback.statedLimit(null, Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    void theQuotaHeaderIsReadFromItsFirstWindow() {
        assertThat(ZuoraRateLimitFeedback.quotaUsedUp("0")).isTrue();
        assertThat(ZuoraRateLimitFeedback.quotaUsedUp("0, 120;w=3600")).isTrue();
        assertThat(ZuoraRateLimitFeedback.quotaUsedUp("12")).isFalse();
        assertThat(ZuoraRateLimitFeedback.quotaUsedUp("n/a")).isFalse();
        assertThat(ZuoraRateLimitFeedback.quotaUsedUp(null)).isFalse();
    }
}
