package io.github.camelsaas.zuora.objects.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.call.Permit;
import io.github.camelsaas.common.call.RateLimitFeedback;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.retry.RetryAfter;

/**
 * Reads Zuora's limit headers after every call and pauses the tenant: after a 429 until {@code Retry-After} or
 * {@code RateLimit-Reset} (one second when it names neither), and when {@code RateLimit-Remaining} reaches 0
 * until {@code RateLimit-Reset}, so the next call waits instead of drawing a 429.
 */
final class ZuoraRateLimitFeedback implements RateLimitFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(ZuoraRateLimitFeedback.class);
    private static final Duration PAUSE_WITHOUT_HINT = Duration.ofSeconds(1);

    private final String tenant;
    private final TenantPause pause;

    ZuoraRateLimitFeedback(String tenant, TenantPause pause) {
        this.tenant = tenant;
        this.pause = pause;
    }

    @Override
    public void onResponse(SaasHttpResponse response, List<Permit> permits) {
        Instant now = Instant.now();
        Optional<Instant> until;
        if (response.status() == 429) {
            until = Optional.of(RetryRules.serverRetryTime(response, now).orElse(now.plus(PAUSE_WITHOUT_HINT)));
        } else if (quotaUsedUp(response.header("RateLimit-Remaining"))) {
            until = RetryAfter.parseReset(response.header("RateLimit-Reset"), now);
        } else {
            until = Optional.empty();
        }
        until.filter(instant -> instant.isAfter(now)).ifPresent(instant -> {
            LOG.debug("Zuora tenant {} paused for {} ms ({})", tenant, Duration.between(now, instant).toMillis(),
                    response.status() == 429 ? "429 Too Many Requests" : "RateLimit-Remaining: 0");
            pause.pauseUntil(instant.toEpochMilli() + 1);
            permits.forEach(permit -> permit.limiter().pause(permit.key(), instant));
        });
    }

    /** {@code RateLimit-Remaining} names the window closest to exhaustion first, e.g. "0" or "0, 120;w=3600". */
    static boolean quotaUsedUp(String remaining) {
        if (remaining == null || remaining.isBlank()) {
            return false;
        }
        String first = remaining.split(",")[0].split(";")[0].trim();
        try {
            return Double.parseDouble(first) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
