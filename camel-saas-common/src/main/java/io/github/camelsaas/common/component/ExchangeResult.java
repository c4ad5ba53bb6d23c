package io.github.camelsaas.common.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.RecordOutcome;

/**
 * What an operation produced for one exchange: either a body (an operation that is not about records: get, query,
 * describe), or every record's outcome, from which {@link SaasProducer} makes the body, the failed-records header or
 * the exception, the same way on both components. Plus the headers to set (a null value removes one).
 */
public final class ExchangeResult {

    private final Object body;
    private final List<? extends RecordOutcome<?>> outcomes;
    private Object recordsBody;
    private boolean recordsBodySet;
    private final boolean singleRecord;
    private final Map<String, Object> headers = new LinkedHashMap<>();

    private ExchangeResult(Object body, List<? extends RecordOutcome<?>> outcomes, boolean singleRecord) {
        this.body = body;
        this.outcomes = outcomes;
        this.singleRecord = singleRecord;
    }

    /** The answer of an operation that is not about records. */
    public static ExchangeResult of(Object body) {
        return new ExchangeResult(body, null, false);
    }

    /**
     * The outcome of every record of the exchange, in input order.
     *
     * @param singleRecord whether the body was one record (not a list, even of one): the exchange then answers that
     *                     record's result, or fails with its failure
     */
    public static ExchangeResult ofRecords(List<? extends RecordOutcome<?>> outcomes, boolean singleRecord) {
        if (singleRecord && outcomes.size() != 1) {
            throw new IllegalArgumentException("a single record has one outcome, not " + outcomes.size());
        }
        return new ExchangeResult(null, List.copyOf(outcomes), singleRecord);
    }

    /**
     * The body a record operation answers instead of the successful results (Zuora's batch operations answer every
     * record's outcome; a delete of a list answers nothing); failed records are still reported as for any list.
     */
    public ExchangeResult answering(Object body) {
        this.recordsBody = body;
        this.recordsBodySet = true;
        return this;
    }

    /** The body {@link #answering} set, if it was. */
    boolean hasRecordsBody() {
        return recordsBodySet;
    }

    Object recordsBody() {
        return recordsBody;
    }

    public ExchangeResult header(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    Map<String, Object> headers() {
        return headers;
    }

    public boolean isAboutRecords() {
        return outcomes != null;
    }

    public boolean singleRecord() {
        return singleRecord;
    }

    /** The operation's body (not about records). */
    Object body() {
        return body;
    }

    public List<? extends RecordOutcome<?>> outcomes() {
        return outcomes == null ? List.of() : outcomes;
    }

    /** The successful records' results, in input order. */
    public List<Object> succeeded() {
        List<Object> succeeded = new ArrayList<>();
        for (RecordOutcome<?> outcome : outcomes()) {
            if (outcome.isSuccess()) {
                succeeded.add(outcome.value());
            }
        }
        return succeeded;
    }

    /** The failed records, in input order. */
    public List<FailedRecord> failed() {
        List<FailedRecord> failed = new ArrayList<>();
        for (RecordOutcome<?> outcome : outcomes()) {
            if (outcome.isFailure()) {
                failed.add(outcome.failedRecord());
            }
        }
        return failed;
    }
}
