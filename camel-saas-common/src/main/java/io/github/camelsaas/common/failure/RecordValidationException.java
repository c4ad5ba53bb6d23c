package io.github.camelsaas.common.failure;

/**
 * The single record of an exchange broke the vendor's rules and was not sent. Unlike the short summary of its
 * parent, the message lists every rule broken, so one read tells everything to fix. (In a list body, each invalid
 * record is a {@link FailedRecord} of its own and the valid ones are sent.)
 */
public class RecordValidationException extends RecordFailedException {

    private static final long serialVersionUID = 1L;

    public RecordValidationException(FailedRecord failedRecord) {
        super(failedRecord);
    }

    @Override
    public String getMessage() {
        return "record " + getFailedRecord().index() + " is invalid and was not sent: " + getFailedRecord().message();
    }
}
