package io.github.camelsaas.zuora.objects.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.call.Permit;
import io.github.camelsaas.common.call.RateLimitFeedback;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimiter;
import io.github.camelsaas.common.retry.RetryAfter;

/**
 * Reads Zuora's limit headers after every call and applies them to the tenant's rate limiter: after a 429 it pauses
 * the tenant until {@code Retry-After} or {@code RateLimit-Reset} (one second when it names neither); when
 * {@code RateLimit-Remaining} reaches 0 until {@code RateLimit-Reset}, so the next call waits instead of drawing a
 * 429; with {@code requestsPerMinute=0} the limit {@code RateLimit-Limit} states for the limiter's window becomes
 * the tenant's limit. A pause is the limiter's, so with a shared backend (Redis) it holds every replica.
 */
final class ZuoraRateLimitFeedback implements RateLimitFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(ZuoraRateLimitFeedback.class);
    private static final Duration PAUSE_WITHOUT_HINT = Duration.ofSeconds(1);

    private final String tenant;
    private final RateLimiter limiter;
    private final boolean adoptsStatedLimit;

    /** @param adoptsStatedLimit whether the limit Zuora states replaces the limiter's (requestsPerMinute=0) */
    ZuoraRateLimitFeedback(String tenant, RateLimiter limiter, boolean adoptsStatedLimit) {
        this.tenant = tenant;
        this.limiter = limiter;
        this.adoptsStatedLimit = adoptsStatedLimit;
    }

    @Override
    public void onResponse(SaasHttpResponse response, List<Permit> permits) {
        Instant now = Instant.now();
        Optional<Instant> until;
        if (response.status() == 429) {
            until = Optional.of(ZuoraHeaders.RETRY_RULES.serverRetryTime(response, now).orElse(now.plus(PAUSE_WITHOUT_HINT)));
        } else {
            if (adoptsStatedLimit) {
                adopt(statedLimit(response.header(ZuoraHeaders.RATE_LIMIT_LIMIT), limiter.limit().window()));
            }
            until = quotaUsedUp(response.header(ZuoraHeaders.RATE_LIMIT_REMAINING))
                    ? RetryAfter.parseReset(response.header(ZuoraHeaders.RATE_LIMIT_RESET), now) : Optional.empty();
        }
        until.filter(instant -> instant.isAfter(now)).ifPresent(instant -> {
            LOG.debug("Zuora tenant {} paused for {} ms ({})", tenant, Duration.between(now, instant).toMillis(),
                    response.status() == 429 ? "429 Too Many Requests" : "RateLimit-Remaining: 0");
            permits.stream().filter(permit -> permit.limiter() == limiter)
                    .forEach(permit -> limiter.pause(permit.key(), instant));
        });
    }

    private void adopt(OptionalInt stated) {
        if (stated.isEmpty() || stated.getAsInt() == limiter.limit().permits()) {
            return;
        }
        LOG.info("Zuora tenant {}: Zuora states a limit of {} calls per {} ms; adopting it (requestsPerMinute=0)",
                tenant, stated.getAsInt(), limiter.limit().window().toMillis());
        limiter.setLimit(RateLimit.of(stated.getAsInt(), limiter.limit().window()));
    }

    /**
     * The quota {@code RateLimit-Limit} states for a window as long as ours, e.g. 50000 from
     * {@code "50000, 50000;w=60, 2250000;w=3600"} for 60 s: only a quota for the window we count in may replace our
     * limit (a per-hour quota is not a per-minute one). Windows are whole seconds in the header.
     */
    static OptionalInt statedLimit(String header, Duration window) {
        if (header == null || header.isBlank()) {
            return OptionalInt.empty();
        }
        long windowSeconds = Math.max(1, (window.toMillis() + 999) / 1000);
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("w=") && parameter.substring(2).trim().equals(String.valueOf(windowSeconds))) {
                    try {
                        int quota = Integer.parseInt(parts[0].trim());
                        return quota > 0 ? OptionalInt.of(quota) : OptionalInt.empty();
                    } catch (NumberFormatException e) {
                        return OptionalInt.empty();
                    }
                }
            }
        }
        return OptionalInt.empty();
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
