package io.github.camelsaas.zuora.objects.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;

class ZuoraRateLimitFeedbackTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TenantPause pause = new TenantPause("test", "zuora-objects:test", new InMemoryRateLimitBackend(),
            scheduler, System::currentTimeMillis);
    private final ZuoraRateLimitFeedback feedback = new ZuoraRateLimitFeedback("tenant", pause);

    @AfterEach
    void stop() {
        pause.close();
        scheduler.shutdownNow();
    }

    @Test
    void aRemainingQuotaOfZeroPausesUntilTheReset() {
        long before = System.currentTimeMillis();

        feedback.onResponse(SaasHttpResponse.of(200, "{}", "RateLimit-Remaining", "0",
                "RateLimit-Reset", "2"), List.of());

        assertThat(pause.pausedUntilMillis()).isBetween(before + 2000, before + 3000);
        assertThat(pause.awaitOpen()).isNotDone();
    }

    @Test
    void aRemainingQuotaAboveZeroDoesNotPause() {
        feedback.onResponse(SaasHttpResponse.of(200, "{}", "RateLimit-Remaining", "1, 0;w=3600",
                "RateLimit-Reset", "2"), List.of());

        assertThat(pause.awaitOpen()).isDone();
    }

    @Test
    void a429PausesUntilRetryAfterOrOneSecondWithoutHint() {
        long before = System.currentTimeMillis();
        feedback.onResponse(SaasHttpResponse.of(429, "{}"), List.of());
        assertThat(pause.pausedUntilMillis()).isBetween(before + 1000, before + 1500);

        feedback.onResponse(SaasHttpResponse.of(429, "{}", "Retry-After", "5"), List.of());
        assertThat(pause.pausedUntilMillis()).isBetween(before + 5000, before + 5500);
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
