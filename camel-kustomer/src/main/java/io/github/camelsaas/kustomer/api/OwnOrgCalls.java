package io.github.camelsaas.kustomer.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * This JVM's latest org calls: when their answers came back (epoch ms) and how many are still unanswered, enough to tell whether the org's quota at zero is explained by this application's own calls,
 * and when the oldest of them the server counted leaves its window. Remembers at most {@code capacity} times of each
 * kind (the org limit: more in one window could never be granted), so it stays small whatever the traffic.
 */
final class OwnOrgCalls {

    private final Deque<Long> answeredAt = new ArrayDeque<>();
    private int capacity;
    /** Granted, neither answered nor ended without an answer (never sent, a transport failure). */
    private int unanswered;

    OwnOrgCalls(int capacity) {
        this.capacity = capacity;
    }

    synchronized void granted(int permits) {
        unanswered += permits;
    }

    /** A call holding an org permit was answered; {@code counted}: not a 429 (the server counts no refused call). */
    synchronized void answered(long atMillis, boolean counted) {
        unanswered = Math.max(0, unanswered - 1);
        if (counted) {
            answeredAt.addLast(atMillis);
            trim();
        }
    }

    /** A call holding an org permit ended without an answer: not sent, or failed on the way. */
    synchronized void endedWithoutAnswer() {
        unanswered = Math.max(0, unanswered - 1);
    }

    /** Follows an adopted org limit: a larger one needs a longer memory. */
    synchronized void setCapacity(int capacity) {
        this.capacity = capacity;
        trim();
    }

    /**
     * How many of this JVM's calls the server may still be counting in a window that began at {@code sinceMillis}:
     * the counted ones answered since then (each arrived before its answer, possibly after the window began) and
     * every one still unanswered. An upper bound: a call answered since may have arrived before the window.
     */
    synchronized int mayBeCountedSince(long sinceMillis) {
        int count = unanswered;
        var newestFirst = answeredAt.descendingIterator();
        while (newestFirst.hasNext() && newestFirst.next() >= sinceMillis) {
            count++;
        }
        return count;
    }

    /**
     * The latest instant by which the oldest of the {@code counted} requests the server has in its window (all ours,
     * the last answered just now) surely arrived there, or empty if too few answers are remembered. Of those
     * requests at least {@code counted - unanswered} have been answered, and each arrived before its answer; so the
     * oldest arrived no later than the earliest of those answers, which is at most the
     * {@code (counted - unanswered)}-th latest answer of all.
     */
    synchronized OptionalLong oldestCountedArrivedBy(int counted) {
        int n = Math.max(1, counted - unanswered);
        if (answeredAt.size() < n) {
            return OptionalLong.empty();
        }
        var newestFirst = answeredAt.descendingIterator();
        long at = 0;
        for (int i = 0; i < n; i++) {
            at = newestFirst.next();
        }
        return OptionalLong.of(at);
    }

    private void trim() {
        while (answeredAt.size() > capacity) {
            answeredAt.removeFirst();
        }
    }
}
