package io.github.camelsaas.kustomer;

import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.http.HttpTransportException;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;

/** Turns Kustomer's answers and transport failures into FailedRecords, deciding whether a resend may succeed. */
final class Failures {

    /** Appended when a create got an uncertain outcome and was therefore not replayed. */
    static final String CREATE_NOT_REPLAYED = "; not retried, as the create may have been applied (to send it "
            + "again safely, give the record an externalId and use operation=upsert, which looks it up first)";

    private Failures() {
    }

    /**
     * A record Kustomer answered for with an error.
     *
     * @param uncertainCreate whether a 5xx here means the create may have been applied (so it is not retryable)
     */
    static FailedRecord fromAnswer(WriteItem item, KustomerResponse response, boolean uncertainCreate) {
        KustomerError error = response.error();
        int status = response.status();
        boolean transientError = RetryRules.isTransientServerError(status);
        boolean retryable = status == 429 || (transientError && !uncertainCreate);
        String message = status == 401 ? "API key refused (invalid, expired or lacking the role): " + error.describe()
                : error.describe() + (transientError && uncertainCreate ? CREATE_NOT_REPLAYED : "");
        return FailedRecord.fromResponse(item.index(), item.record(), status, error.code(), message, retryable);
    }

    /**
     * A record whose call got no answer.
     *
     * @param uncertainCreate whether the call was a create that may have reached Kustomer
     */
    static FailedRecord fromFailure(WriteItem item, Throwable failure, boolean uncertainCreate) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof StoppedException || cause instanceof RateLimitUnavailableException) {
            // nothing was sent: the producer stopped, or the shared rate-limit store (Redis) could not be asked
            return FailedRecord.notSent(item.index(), item.record(), cause.getMessage(), true);
        }
        if (cause instanceof HttpTransportException transport) {
            if (transport.isConnectFailure()) {
                return FailedRecord.noResponse(item.index(), item.record(), transport.getMessage(), true);
            }
            return FailedRecord.noResponse(item.index(), item.record(),
                    transport.getMessage() + (uncertainCreate ? CREATE_NOT_REPLAYED : ""), !uncertainCreate);
        }
        // not a transport failure: a bug or an answer that was no JSON; the message is ours or already redacted
        return FailedRecord.noResponse(item.index(), item.record(), cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), false);
    }

    /** A record Kustomer accepted but whose answer held no resource. */
    static FailedRecord noResource(WriteItem item, KustomerResponse response) {
        return FailedRecord.fromResponse(item.index(), item.record(), response.status(), null,
                "Kustomer's answer holds no resource (no data object)", false);
    }
}
