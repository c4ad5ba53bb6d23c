package io.github.camelsaas.common.failure;

import java.util.List;

/**
 * The single record of an exchange failed (for example a record sent as part of a coalesced batch).
 * <p>
 * It is a {@link PartialFailureException} of one record out of one, so a route handles single-record and
 * multi-record exchanges with the same {@code onException(PartialFailureException.class)}.
 */
public class RecordFailedException extends PartialFailureException {

    private static final long serialVersionUID = 1L;

    private final transient FailedRecord failedRecord;

    public RecordFailedException(FailedRecord failedRecord) {
        super("record failed: " + failedRecord.summary(), List.of(), List.of(failedRecord), 1);
        this.failedRecord = failedRecord;
    }

    /** Why the record failed; the record itself is available from {@link FailedRecord#record()}. */
    public FailedRecord getFailedRecord() {
        return failedRecord;
    }
}
