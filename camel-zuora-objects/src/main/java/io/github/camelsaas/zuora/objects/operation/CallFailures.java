package io.github.camelsaas.zuora.objects.operation;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.http.HttpTransportException;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.zuora.objects.ZuoraApiException;
import io.github.camelsaas.zuora.objects.ZuoraAuthenticationException;

/** Turns the failure of a call into the FailedRecord of each record it carried. */
final class CallFailures {

    private CallFailures() {
    }

    /**
     * @param idempotent whether sending the record again cannot apply it twice (decides "retryable" when the call
     *                   may have reached Zuora)
     */
    static FailedRecord of(int index, Object record, Throwable failure, boolean idempotent, SecretRegistry secrets) {
        Throwable cause = FutureFailures.unwrap(failure);
        String message = secrets.redact(String.valueOf(cause.getMessage()));
        if (cause instanceof StoppedException || cause instanceof RateLimitUnavailableException) {
            // nothing was sent: the component stopped, or the shared rate-limit store (Redis) could not be asked
            return FailedRecord.notSent(index, record, message, true);
        }
        if (cause instanceof HttpTransportException transport) {
            return transport.isConnectFailure()
                    ? FailedRecord.notSent(index, record, message, true)
                    : FailedRecord.noResponse(index, record, message, idempotent);
        }
        if (cause instanceof ZuoraAuthenticationException auth && auth.isTokenUnavailable()) {
            // no token, so the call never left: the record can go again once the token endpoint is back
            return FailedRecord.notSent(index, record, message, true);
        }
        if (cause instanceof ZuoraApiException api && api.getHttpStatus() != null) {
            return FailedRecord.fromResponse(index, record, api.getHttpStatus(), api.getCode(), message, false);
        }
        if (cause instanceof ZuoraApiException) {
            return FailedRecord.notSent(index, record, message, false);
        }
        return FailedRecord.noResponse(index, record, cause.getClass().getSimpleName() + ": " + message, false);
    }

    /** Whether an error status means the call can be sent again unchanged: the server did not act on it. */
    static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
