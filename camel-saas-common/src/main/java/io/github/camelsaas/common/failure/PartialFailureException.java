package io.github.camelsaas.common.failure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.apache.camel.RuntimeCamelException;

/**
 * Some (possibly all) records of an exchange failed. Carries every record's fate, so a route's
 * {@code onException(PartialFailureException.class)} can dead-letter exactly the failed ones and keep the
 * successful results.
 * <p>
 * The message names how many failed and the first few of them, for example
 * {@code 3 of 2500 records failed: #4 (400 71012520: invalid value), #17 (...), ... and 1 more}. Its length is
 * bounded however many records failed, and it never contains record content.
 * <p>
 * The lists are not serialized with the exception (records need not be serializable); after deserialization only
 * the message and {@link #getTotalRecords()} remain.
 */
public class PartialFailureException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    /** How many failures the message lists before summarising the rest as "... and N more". */
    static final int MAX_LISTED_FAILURES = 5;

    private final transient List<?> succeeded;
    private final transient List<FailedRecord> failedRecords;
    private final int totalRecords;

    /**
     * @param succeeded     the successful results, in input order
     * @param failedRecords the failed records, in input order; at least one
     * @param totalRecords  how many records the exchange had; must equal the sum of both list sizes, so a record can
     *                      neither vanish nor be counted twice
     */
    public PartialFailureException(List<?> succeeded, List<FailedRecord> failedRecords, int totalRecords) {
        this(null, succeeded, failedRecords, totalRecords);
    }

    /** For subclasses that describe the failure in their own words; {@code null} uses the standard message. */
    protected PartialFailureException(String message, List<?> succeeded, List<FailedRecord> failedRecords,
                                      int totalRecords) {
        super(message != null ? message : describe(failedRecords, totalRecords));
        Objects.requireNonNull(succeeded, "succeeded");
        if (failedRecords.isEmpty()) {
            throw new IllegalArgumentException("a PartialFailureException needs at least one failed record");
        }
        if (succeeded.size() + failedRecords.size() != totalRecords) {
            throw new IllegalArgumentException("succeeded (" + succeeded.size() + ") + failed ("
                    + failedRecords.size() + ") must equal totalRecords (" + totalRecords + ")");
        }
        // Copies, so the caller cannot change what the route sees; succeeded may contain nulls (void results).
        this.succeeded = Collections.unmodifiableList(new ArrayList<>(succeeded));
        this.failedRecords = List.copyOf(failedRecords);
        this.totalRecords = totalRecords;
    }

    private static String describe(List<FailedRecord> failedRecords, int totalRecords) {
        Objects.requireNonNull(failedRecords, "failedRecords");
        StringBuilder sb = new StringBuilder()
                .append(failedRecords.size()).append(" of ").append(totalRecords).append(" records failed");
        int listed = Math.min(failedRecords.size(), MAX_LISTED_FAILURES);
        for (int i = 0; i < listed; i++) {
            sb.append(i == 0 ? ": " : ", ").append(failedRecords.get(i).summary());
        }
        if (failedRecords.size() > listed) {
            sb.append(", ... and ").append(failedRecords.size() - listed).append(" more");
        }
        return sb.toString();
    }

    /** The successful results, in input order (unmodifiable). */
    public List<?> getSucceeded() {
        return succeeded;
    }

    /** The failed records, in input order (unmodifiable); each knows its input index. */
    public List<FailedRecord> getFailedRecords() {
        return failedRecords;
    }

    /** How many records the exchange had in total. */
    public int getTotalRecords() {
        return totalRecords;
    }
}
