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
 * timeout is retried only for idempotent calls, because the server may have acted on it already. The vendor's
 * name of its reset header is the component's: {@link #withResetHeader}.
 */
public final class RetryRules {

    private final String resetHeader;

    private RetryRules(String resetHeader) {
        this.resetHeader = resetHeader;
    }

    /**
     * @param resetHeader the header in which the vendor says when its rate-limit window frees up, in seconds from
     *                    now or epoch seconds (Zuora {@code RateLimit-Reset}, Kustomer {@code x-ratelimit-reset})
     */
    public static RetryRules withResetHeader(String resetHeader) {
        return new RetryRules(resetHeader);
    }

    /** Whether and when to send a call again. */
    public RetryClassifier<SaasHttpResponse> classifier(boolean idempotent) {
        return (response, failure, attempt) -> {
            if (failure != null) {
                return neverSent(failure) || (failure instanceof HttpTransportException && idempotent)
                        ? RetryDecision.retry() : RetryDecision.done();
            }
            if (response.status() == 429 || (idempotent && isTransientServerError(response.status()))) {
                return RetryDecision.retryAt(serverRetryTime(response, Instant.now()).orElse(null));
            }
            return RetryDecision.done();
        };
    }

    /**
     * Whether a call failed before it reached the server: a connection that could not be made, or a shared
     * rate-limit store (Redis) that could not be asked.
     */
    public static boolean neverSent(Throwable failure) {
        return failure instanceof HttpTransportException transport && transport.isConnectFailure()
                || failure instanceof RateLimitUnavailableException;
    }

    /** 500, 502, 503, 504: the statuses Zuora and Kustomer say may succeed on a later attempt. */
    public static boolean isTransientServerError(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Whether a record whose call was answered {@code status} may be sent again unchanged: after a 429 always (the
     * server refused it before acting), after a transient server error only when the call is idempotent.
     */
    public static boolean mayResend(int status, boolean idempotent) {
        return status == 429 || (idempotent && isTransientServerError(status));
    }

    /**
     * When the server says to come back: {@code Retry-After}, else the vendor's reset header. The later of the two
     * when both are present.
     */
    public Optional<Instant> serverRetryTime(SaasHttpResponse response, Instant now) {
        Optional<Instant> retryAfter = RetryAfter.parse(response.header("Retry-After"), now);
        Optional<Instant> reset = RetryAfter.parseReset(response.header(resetHeader), now);
        if (retryAfter.isPresent() && reset.isPresent()) {
            return Optional.of(retryAfter.get().isAfter(reset.get()) ? retryAfter.get() : reset.get());
        }
        return retryAfter.or(() -> reset);
    }
}
