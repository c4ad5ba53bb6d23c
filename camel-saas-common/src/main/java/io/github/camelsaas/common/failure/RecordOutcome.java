package io.github.camelsaas.common.failure;

import java.util.Objects;

/**
 * What became of one input record: either a success with its result value, or a {@link FailedRecord}.
 * <p>
 * Immutable. {@link #toString()} never shows the value or the record, which may hold personal data.
 *
 * @param <T> the type of a successful record's result
 */
public final class RecordOutcome<T> {

    private final int index;
    private final T value;
    private final FailedRecord failure;

    private RecordOutcome(int index, T value, FailedRecord failure) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        this.index = index;
        this.value = value;
        this.failure = failure;
    }

    /**
     * The record at {@code index} succeeded.
     *
     * @param value its result (may be {@code null} when the operation returns nothing)
     */
    public static <T> RecordOutcome<T> success(int index, T value) {
        return new RecordOutcome<>(index, value, null);
    }

    /** The record at {@link FailedRecord#index()} failed. */
    public static <T> RecordOutcome<T> failure(FailedRecord failedRecord) {
        Objects.requireNonNull(failedRecord, "failedRecord");
        return new RecordOutcome<>(failedRecord.index(), null, failedRecord);
    }

    /** The record's position in the input this outcome belongs to. */
    public int index() {
        return index;
    }

    public boolean isSuccess() {
        return failure == null;
    }

    public boolean isFailure() {
        return failure != null;
    }

    /**
     * The result of a successful record.
     *
     * @throws IllegalStateException if the record failed
     */
    public T value() {
        if (failure != null) {
            throw new IllegalStateException("record #" + index + " failed; it has no value: " + failure.summary());
        }
        return value;
    }

    /**
     * Why the record failed.
     *
     * @throws IllegalStateException if the record succeeded
     */
    public FailedRecord failedRecord() {
        if (failure == null) {
            throw new IllegalStateException("record #" + index + " succeeded; it has no failure");
        }
        return failure;
    }

    /** The same outcome at another position (for example mapping a chunk position back to an input index). */
    public RecordOutcome<T> withIndex(int newIndex) {
        if (newIndex == index) {
            return this;
        }
        return failure == null ? success(newIndex, value) : failure(failure.withIndex(newIndex));
    }

    @Override
    public String toString() {
        return failure == null ? "RecordOutcome[#" + index + " succeeded]" : "RecordOutcome[failed " + failure + "]";
    }
}
