package io.github.camelsaas.kustomer;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.RecordFailedException;

/**
 * The single record of an exchange broke Kustomer's rules and was not sent. Unlike the short summary of its parent,
 * the message lists every violation, so one read tells everything to fix.
 */
public class KustomerValidationException extends RecordFailedException {

    private static final long serialVersionUID = 1L;

    KustomerValidationException(FailedRecord failedRecord) {
        super(failedRecord);
    }

    @Override
    public String getMessage() {
        return "record " + getFailedRecord().index() + " is invalid and was not sent: " + getFailedRecord().message();
    }
}
