package io.github.camelsaas.simulator.zuora;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Queued "retry these records" answers to create calls: Zuora's 500 with code 71012561, where the records in
 * {@code details[].record} were not stored and the others were. Each arming fires on exactly its number of
 * calls, first armed first. Thread-safe.
 */
final class RetryableRecordsFault {

    private static final class Arming {
        int callsLeft;
        final int recordsPerCall;

        Arming(int calls, int recordsPerCall) {
            this.callsLeft = calls;
            this.recordsPerCall = recordsPerCall;
        }
    }

    private final Deque<Arming> armings = new ArrayDeque<>();

    /** The next {@code calls} creates leave {@code recordsPerCall} records unstored (0: half of them, at least one). */
    synchronized void arm(int calls, int recordsPerCall) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, was " + calls);
        }
        if (recordsPerCall < 0) {
            throw new IllegalArgumentException("recordsPerCall must be 0 (half) or more, was " + recordsPerCall);
        }
        armings.addLast(new Arming(calls, recordsPerCall));
    }

    /**
     * For a create call about to store {@code recordCount} records: the positions of those to leave unstored,
     * spread over the call (so neither a prefix nor a suffix), or an empty array when no fault is armed.
     */
    synchronized int[] take(int recordCount) {
        Arming arming = armings.peekFirst();
        if (arming == null || recordCount == 0) {
            return new int[0];
        }
        if (--arming.callsLeft == 0) {
            armings.removeFirst();
        }
        int wanted = arming.recordsPerCall == 0 ? Math.max(1, recordCount / 2) : arming.recordsPerCall;
        int count = Math.min(wanted, recordCount);
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = (int) ((long) i * recordCount / count);
        }
        return positions;
    }

    synchronized int pendingCalls() {
        return armings.stream().mapToInt(a -> a.callsLeft).sum();
    }

    synchronized void reset() {
        armings.clear();
    }
}
