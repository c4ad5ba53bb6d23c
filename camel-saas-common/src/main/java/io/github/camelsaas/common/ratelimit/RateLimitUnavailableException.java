package io.github.camelsaas.common.ratelimit;

/**
 * The store that holds the shared rate-limit state (Redis) could not be asked for a grant or a pause. Without the
 * shared count no grant is safe, so the request it guarded was not sent: the record it carried is reported as a
 * failure that can be retried once the store is back, never dropped and never sent over the limit.
 */
public class RateLimitUnavailableException extends IllegalStateException {

    public RateLimitUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
