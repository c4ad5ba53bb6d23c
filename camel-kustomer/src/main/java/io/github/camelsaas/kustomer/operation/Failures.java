package io.github.camelsaas.kustomer.operation;

import io.github.camelsaas.common.batch.RecordToSend;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.failure.CallFailures;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.kustomer.api.KustomerError;
import io.github.camelsaas.kustomer.api.KustomerResponse;

/**
 * Turns Kustomer's answers into FailedRecords, deciding whether a resend may succeed; a call's failure goes through
 * the one mapping both components share ({@link CallFailures}).
 */
final class Failures {

    /** Appended when a create got an uncertain outcome and was therefore not replayed. */
    static final String CREATE_NOT_REPLAYED = "; not retried, as the create may have been applied (to send it "
            + "again safely, give the record an externalId and use operation=upsert, which looks it up first)";

    /** Kustomer's messages name no credential (the API key is never echoed): nothing to redact. */
    private static final SecretRegistry NO_SECRETS = new SecretRegistry();

    private Failures() {
    }

    /**
     * A record Kustomer answered for with an error.
     *
     * @param uncertainCreate whether a 5xx here means the create may have been applied (so it is not retryable)
     */
    static FailedRecord fromAnswer(RecordToSend item, KustomerResponse response, boolean uncertainCreate) {
        return fromAnswer(item.index(), item.record(), response, uncertainCreate);
    }

    /** As {@link #fromAnswer(RecordToSend, KustomerResponse, boolean)}, for an input that is no record (an id). */
    static FailedRecord fromAnswer(int index, Object record, KustomerResponse response, boolean uncertainCreate) {
        KustomerError error = response.error();
        int status = response.status();
        boolean transientError = RetryRules.isTransientServerError(status);
        boolean retryable = RetryRules.mayResend(status, !uncertainCreate);
        String message = status == 401 ? "API key refused (invalid, expired or lacking the role): " + error.describe()
                : error.describe() + (transientError && uncertainCreate ? CREATE_NOT_REPLAYED : "");
        return FailedRecord.fromResponse(index, record, status, error.code(), message, retryable);
    }

    /**
     * A record whose call got no answer.
     *
     * @param uncertainCreate whether the call was a create that may have reached Kustomer
     */
    static FailedRecord fromFailure(RecordToSend item, Throwable failure, boolean uncertainCreate) {
        return fromFailure(item.index(), item.record(), failure, uncertainCreate);
    }

    /** As {@link #fromFailure(RecordToSend, Throwable, boolean)}, for an input that is no record (an id). */
    static FailedRecord fromFailure(int index, Object record, Throwable failure, boolean uncertainCreate) {
        return CallFailures.of(index, record, failure, !uncertainCreate, CREATE_NOT_REPLAYED, NO_SECRETS);
    }

    /**
     * A record whose call was answered 2xx with a body that is not the JSON document Kustomer sends (a proxy's HTML
     * page, an empty or cut-off body): whether it was written is unknown.
     *
     * @param uncertainCreate whether the call was a create (then not retryable: it may exist); an update may be
     *                        sent again
     */
    static FailedRecord unreadableAnswer(RecordToSend item, KustomerResponse response, boolean uncertainCreate) {
        return FailedRecord.fromResponse(item.index(), item.record(), response.status(), null, "Kustomer's answer "
                + "(" + response.status() + ") is not the JSON document expected (" + response.describeBody()
                + "); the record may or may not have been written" + (uncertainCreate ? CREATE_NOT_REPLAYED : ""),
                !uncertainCreate);
    }

    /**
     * The failure of a later step (a lookup, a retry) of a create whose earlier call may have been applied: not
     * retryable whatever that step says, since resending the record could create it a second time.
     */
    static FailedRecord afterUncertainOutcome(FailedRecord failure) {
        String message = failure.message() + "; an earlier attempt may have created the record, which could not be "
                + "checked" + CREATE_NOT_REPLAYED;
        return failure.httpStatus() != null
                ? FailedRecord.fromResponse(failure.index(), failure.record(), failure.httpStatus(),
                        failure.vendorCode(), message, false)
                : FailedRecord.noResponse(failure.index(), failure.record(), message, false);
    }

    /** A record Kustomer accepted but whose answer held no resource. */
    static FailedRecord noResource(RecordToSend item, KustomerResponse response) {
        return FailedRecord.fromResponse(item.index(), item.record(), response.status(), null,
                "Kustomer's answer holds no resource (no data object)", false);
    }
}
