package io.github.camelsaas.kustomer;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.RecordValidationException;

/**
 * The single record of an exchange broke Kustomer's rules and was not sent. Unlike the short summary of its parent,
 * the message lists every violation, so one read tells everything to fix.
 */
public class KustomerValidationException extends RecordValidationException {

    private static final long serialVersionUID = 1L;

    KustomerValidationException(FailedRecord failedRecord) {
        super(failedRecord);
    }
}
