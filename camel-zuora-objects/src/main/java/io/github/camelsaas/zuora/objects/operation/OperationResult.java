package io.github.camelsaas.zuora.objects.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.camelsaas.common.failure.FailedRecord;

/**
 * What an operation did with a message: the body to set, and for record operations every record's fate, from
 * which the producer either fails the exchange (failOnPartialFailure) or reports the failed records in a header.
 *
 * @param body         the body to set when the exchange does not fail
 * @param succeeded    the successful results, in input order (what a partial-failure exception carries)
 * @param failed       the failed records, in input order
 * @param totalRecords how many records the message held (0 for operations that are not about records)
 */
public record OperationResult(Object body, List<?> succeeded, List<FailedRecord> failed, int totalRecords) {

    public OperationResult {
        // not List.copyOf: a result may be null
        succeeded = Collections.unmodifiableList(new ArrayList<>(succeeded));
        failed = List.copyOf(failed);
    }

    /** The answer of an operation that is not about records, such as get or describe. */
    public static OperationResult of(Object body) {
        return new OperationResult(body, List.of(), List.of(), 0);
    }

    public boolean hasFailures() {
        return !failed.isEmpty();
    }
}
