package io.github.camelsaas.common.failure;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.http.HttpTransportException;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.github.camelsaas.common.redact.SecretRegistry;

/**
 * Turns the failure of a call into the {@link FailedRecord} of a record it carried: the one mapping both components
 * use, so the same failure reads the same and is retryable or not for the same reason on both.
 * <ul>
 * <li>Never sent (the producer stopped, the shared rate-limit store could not be asked, the connection could not be
 * made, no token could be had): not sent, retryable; the vendor never saw it.</li>
 * <li>Sent, no answer (timeout, reset): retryable only when the call is idempotent; otherwise it may have been
 * applied, and the record's message says so.</li>
 * <li>Answered with an error: the status and the vendor's code; retryable as {@link RetryRules#mayResend} says.</li>
 * <li>Anything else (a defect, an answer that is no JSON): not retryable, named by its class.</li>
 * </ul>
 */
public final class CallFailures {

    private CallFailures() {
    }

    /**
     * @param idempotent       whether sending the record again cannot apply it twice
     * @param whyNotReplayed   appended to the message when a call that is not idempotent may have been applied
     *                         (what the user can do about it), or ""
     * @param secrets          redacts the message (a vendor's message may echo a credential)
     */
    public static FailedRecord of(int index, Object record, Throwable failure, boolean idempotent,
                                  String whyNotReplayed, SecretRegistry secrets) {
        Throwable cause = FutureFailures.unwrap(failure);
        String message = secrets.redact(String.valueOf(cause.getMessage()));
        if (cause instanceof StoppedException || cause instanceof RateLimitUnavailableException) {
            return FailedRecord.notSent(index, record, message, true);
        }
        if (cause instanceof HttpTransportException transport) {
            return transport.isConnectFailure()
                    ? FailedRecord.notSent(index, record, message, true)
                    : FailedRecord.noResponse(index, record, message + (idempotent ? "" : whyNotReplayed),
                            idempotent);
        }
        if (cause instanceof VendorApiException vendor) {
            if (vendor.isNotSent()) {
                return FailedRecord.notSent(index, record, message, true);
            }
            return vendor.getHttpStatus() != null
                    ? FailedRecord.fromResponse(index, record, vendor.getHttpStatus(), vendor.getCode(), message,
                            RetryRules.mayResend(vendor.getHttpStatus(), idempotent))
                    : FailedRecord.notSent(index, record, message, false);
        }
        return FailedRecord.noResponse(index, record, cause.getClass().getSimpleName() + ": " + message, false);
    }
}
