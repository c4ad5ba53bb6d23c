package io.github.camelsaas.common.call;

import java.time.Instant;
import java.util.Optional;

import io.github.camelsaas.common.http.HttpTransportException;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.github.camelsaas.common.retry.RetryAfter;
import io.github.camelsaas.common.retry.RetryClassifier;
import io.github.camelsaas.common.retry.RetryDecision;

/**
 * The retry rules both vendors document, for components to use as they are or to wrap: a 429 is always retried
 * at the time the server names; a request that never reached the server (or was never sent because the shared
 * rate-limit store could not be asked) is always retried, after a backoff; a 5xx, a reset or a
 * timeout is retried only for idempotent calls, because the server may have acted on it already.
 */
public final class RetryRules {

    private RetryRules() {
    }

    public static RetryClassifier<SaasHttpResponse> standard(boolean idempotent) {
        return (response, failure, attempt) -> {
            if (failure != null) {
                // a shared rate-limit store that could not be asked (Redis down) means nothing was sent either
                boolean neverSent = failure instanceof HttpTransportException transport && transport.isConnectFailure()
                        || failure instanceof RateLimitUnavailableException;
                boolean transportFailure = failure instanceof HttpTransportException;
                return neverSent || (transportFailure && idempotent) ? RetryDecision.retry() : RetryDecision.done();
            }
            if (response.status() == 429) {
                return RetryDecision.retryAt(serverRetryTime(response, Instant.now()).orElse(null));
            }
            if (idempotent && isTransientServerError(response.status())) {
                return RetryDecision.retryAt(serverRetryTime(response, Instant.now()).orElse(null));
            }
            return RetryDecision.done();
        };
    }

    /** 500, 502, 503, 504: the statuses Zuora and Kustomer say may succeed on a later attempt. */
    public static boolean isTransientServerError(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * When the server says to come back: {@code Retry-After}, else a rate-limit reset header (Zuora's
     * {@code RateLimit-Reset} in seconds, Kustomer's {@code x-ratelimit-reset} in epoch seconds). The later of
     * the two when both are present.
     */
    public static Optional<Instant> serverRetryTime(SaasHttpResponse response, Instant now) {
        Optional<Instant> retryAfter = RetryAfter.parse(response.header("Retry-After"), now);
        Optional<Instant> reset = RetryAfter.parseReset(response.header("RateLimit-Reset"), now)
                .or(() -> RetryAfter.parseReset(response.header("x-ratelimit-reset"), now));
        if (retryAfter.isPresent() && reset.isPresent()) {
            return Optional.of(retryAfter.get().isAfter(reset.get()) ? retryAfter.get() : reset.get());
        }
        return retryAfter.or(() -> reset);
    }
}
