package io.github.camelsaas.common.failure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Gathers the outcome of each of an exchange's N input records, from any number of threads, and enforces the
 * promise that each record is settled exactly once: as a success or as a {@link FailedRecord}.
 * <p>
 * Settling an index a second time throws {@link IllegalStateException}: that is always a bug (a chunk answered
 * twice, a retry that also completed the original), and failing loudly beats reporting a record twice.
 * <p>
 * {@link #succeeded()}, {@link #failed()} and {@link #unsettledIndexes()} are snapshots and may be read at any
 * time; {@link #outcomes()} and {@link #throwIfAnyFailed()} give the final result and require every record to
 * be settled, so a forgotten record cannot silently disappear from it.
 *
 * @param <T> the type of a successful record's result
 */
public final class OutcomeCollector<T> {

    /** How many unsettled indexes an error message lists before summarising. */
    private static final int MAX_LISTED_INDEXES = 10;

    private final AtomicReferenceArray<RecordOutcome<T>> outcomes;
    private final AtomicInteger settledCount = new AtomicInteger();
    private final CompletableFuture<List<RecordOutcome<T>>> completion = new CompletableFuture<>();

    /** @param totalRecords how many input records the exchange has (0 is allowed and is complete at once) */
    public OutcomeCollector(int totalRecords) {
        if (totalRecords < 0) {
            throw new IllegalArgumentException("totalRecords must be >= 0 but was " + totalRecords);
        }
        this.outcomes = new AtomicReferenceArray<>(totalRecords);
        if (totalRecords == 0) {
            completion.complete(List.of());
        }
    }

    /** How many input records this collector was created for. */
    public int totalRecords() {
        return outcomes.length();
    }

    /**
     * The record at {@code index} succeeded with {@code value}.
     *
     * @throws IllegalStateException     if the index was already settled
     * @throws IndexOutOfBoundsException if the index is not an input position
     */
    public void succeed(int index, T value) {
        settle(RecordOutcome.success(index, value));
    }

    /**
     * The record at {@link FailedRecord#index()} failed.
     *
     * @throws IllegalStateException     if the index was already settled
     * @throws IndexOutOfBoundsException if the index is not an input position
     */
    public void fail(FailedRecord failedRecord) {
        settle(RecordOutcome.failure(failedRecord));
    }

    /**
     * Records an outcome at its {@link RecordOutcome#index()}.
     *
     * @throws IllegalStateException     if the index was already settled
     * @throws IndexOutOfBoundsException if the index is not an input position
     */
    public void settle(RecordOutcome<T> outcome) {
        Objects.requireNonNull(outcome, "outcome");
        int index = outcome.index();
        checkIndex(index);
        if (!outcomes.compareAndSet(index, null, outcome)) {
            RecordOutcome<T> earlier = outcomes.get(index);
            throw new IllegalStateException("record #" + index + " was already settled ("
                    + (earlier.isSuccess() ? "succeeded" : "failed") + "); it cannot also be "
                    + (outcome.isSuccess() ? "succeeded" : "failed") + ". Each record is settled exactly once.");
        }
        onSettled();
    }

    /**
     * Fails every record not yet settled, for when a whole call failed or the producer stopped. Records settled
     * concurrently by another thread keep their outcome.
     *
     * @param failureForIndex builds the failure for an unsettled input index; its {@link FailedRecord#index()}
     *                        must be that index
     * @return how many records this call settled
     */
    public int failRemaining(Function<Integer, FailedRecord> failureForIndex) {
        Objects.requireNonNull(failureForIndex, "failureForIndex");
        int settledHere = 0;
        for (int i = 0; i < outcomes.length(); i++) {
            if (outcomes.get(i) != null) {
                continue;
            }
            FailedRecord failure = failureForIndex.apply(i);
            if (failure == null || failure.index() != i) {
                throw new IllegalArgumentException("failRemaining needs a FailedRecord for index " + i + " but got "
                        + (failure == null ? "null" : "one for index " + failure.index()));
            }
            // Losing this race is fine: another thread settled the record meanwhile, and its outcome stands.
            if (outcomes.compareAndSet(i, null, RecordOutcome.failure(failure))) {
                settledHere++;
                onSettled();
            }
        }
        return settledHere;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= outcomes.length()) {
            throw new IndexOutOfBoundsException(
                    "record index " + index + " is outside the input of " + outcomes.length() + " records");
        }
    }

    private void onSettled() {
        if (settledCount.incrementAndGet() == outcomes.length()) {
            completion.complete(snapshotOutcomes());
        }
    }

    /** Whether every record has been settled. */
    public boolean isComplete() {
        return settledCount.get() == outcomes.length();
    }

    /** The input indexes not yet settled, ascending. */
    public List<Integer> unsettledIndexes() {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < outcomes.length(); i++) {
            if (outcomes.get(i) == null) {
                open.add(i);
            }
        }
        return open;
    }

    /** The values of the records settled as successes so far, in input order. */
    public List<T> succeeded() {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < outcomes.length(); i++) {
            RecordOutcome<T> outcome = outcomes.get(i);
            if (outcome != null && outcome.isSuccess()) {
                values.add(outcome.value());
            }
        }
        return values;
    }

    /** The records settled as failures so far, in input order. */
    public List<FailedRecord> failed() {
        List<FailedRecord> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.length(); i++) {
            RecordOutcome<T> outcome = outcomes.get(i);
            if (outcome != null && outcome.isFailure()) {
                failures.add(outcome.failedRecord());
            }
        }
        return failures;
    }

    /**
     * Every record's outcome, in input order.
     *
     * @throws IllegalStateException if some record is not settled yet
     */
    public List<RecordOutcome<T>> outcomes() {
        requireComplete();
        return snapshotOutcomes();
    }

    /**
     * Completes with every record's outcome, in input order, once the last record is settled (on the thread that
     * settles it). Lets an asynchronous producer continue without polling {@link #isComplete()}.
     */
    public CompletableFuture<List<RecordOutcome<T>>> completion() {
        return completion;
    }

    /**
     * The final result: the successful values in input order when every record succeeded.
     *
     * @throws PartialFailureException if any record failed; it carries the successes and the failures
     * @throws IllegalStateException   if some record is not settled yet
     */
    public List<T> throwIfAnyFailed() {
        requireComplete();
        List<FailedRecord> failures = failed();
        List<T> values = succeeded();
        if (!failures.isEmpty()) {
            throw new PartialFailureException(values, failures, outcomes.length());
        }
        return values;
    }

    private void requireComplete() {
        if (!isComplete()) {
            List<Integer> open = unsettledIndexes();
            String listed = open.size() <= MAX_LISTED_INDEXES
                    ? open.toString()
                    : open.subList(0, MAX_LISTED_INDEXES) + " and " + (open.size() - MAX_LISTED_INDEXES) + " more";
            throw new IllegalStateException(open.size() + " of " + outcomes.length()
                    + " records are not settled yet: " + listed);
        }
    }

    private List<RecordOutcome<T>> snapshotOutcomes() {
        List<RecordOutcome<T>> all = new ArrayList<>(outcomes.length());
        for (int i = 0; i < outcomes.length(); i++) {
            all.add(outcomes.get(i));
        }
        return Collections.unmodifiableList(all);
    }
}
