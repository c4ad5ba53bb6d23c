package io.github.camelsaas.simulator.common;

import java.util.List;
import java.util.StringJoiner;

/**
 * Judges "at most N requests in any span of W" on the instants requests arrived (e.g. {@link DelayingProxy#arrivals()}),
 * as a vendor with a sliding window counts them. A span is half-open, {@code [t, t + W)}: two instants exactly W
 * apart are never in one span. Only spans that start at an instant need checking, since any span can slide right
 * to its first instant without losing one; so each instant starts one candidate span.
 *
 * <p>Instants are milliseconds on one clock, in any order; duplicates count once each.
 */
public final class ArrivalSpans {

    /** How many instants of an over-limit span {@link #describe} lists before it elides the rest. */
    private static final int LISTED_AT_MOST = 40;

    private ArrivalSpans() {
    }

    /** The largest number of instants in any span {@code [t, t + windowMillis)}; 0 for none. */
    public static int maxInAnySpan(List<Long> instants, long windowMillis) {
        int[] counts = countsPerStart(sorted(instants), windowMillis);
        int max = 0;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        return max;
    }

    /**
     * How many instants start a span {@code [t, t + windowMillis)} holding more than {@code limit}: 0 when the limit
     * holds, otherwise a measure of how often it broke.
     */
    public static int overLimitSpans(List<Long> instants, int limit, long windowMillis) {
        int over = 0;
        for (int count : countsPerStart(sorted(instants), windowMillis)) {
            if (count > limit) {
                over++;
            }
        }
        return over;
    }

    /**
     * A short text for an assertion message: the maximum in any span, and the first over-limit span's instants as
     * offsets from the first arrival, e.g. {@code "max 3 in any 1000 ms span (limit 2), 1 span over the limit; the
     * first starts at +0 ms: [+0, +10, +999] (3 instants over 1500 ms in all)"}.
     */
    public static String describe(List<Long> instants, int limit, long windowMillis) {
        long[] sorted = sorted(instants);
        int[] counts = countsPerStart(sorted, windowMillis);
        if (sorted.length == 0) {
            return "no arrivals (limit " + limit + " per " + windowMillis + " ms)";
        }
        int max = 0;
        int over = 0;
        int firstOver = -1;
        for (int i = 0; i < counts.length; i++) {
            max = Math.max(max, counts[i]);
            if (counts[i] > limit) {
                over++;
                if (firstOver < 0) {
                    firstOver = i;
                }
            }
        }
        long first = sorted[0];
        String totals = " (" + sorted.length + " instants over " + (sorted[sorted.length - 1] - first) + " ms in all)";
        String head = "max " + max + " in any " + windowMillis + " ms span (limit " + limit + ")";
        if (firstOver < 0) {
            return head + ", the limit holds" + totals;
        }
        StringJoiner span = new StringJoiner(", ", "[", "]");
        int end = firstOver + counts[firstOver];
        for (int i = firstOver; i < end; i++) {
            if (i - firstOver == LISTED_AT_MOST) {
                span.add("... " + (end - i) + " more");
                break;
            }
            span.add("+" + (sorted[i] - first));
        }
        return head + ", " + over + (over == 1 ? " span" : " spans") + " over the limit; the first starts at +"
                + (sorted[firstOver] - first) + " ms: " + span + totals;
    }

    /**
     * For each index i of the sorted instants, how many instants lie in {@code [sorted[i], sorted[i] + window)}.
     * Equal instants all start the same span, so each counts from the first of its run, not from itself. Two
     * pointers: the span's end only moves forward, O(n) after the sort.
     */
    private static int[] countsPerStart(long[] sorted, long windowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("the window must be positive, was " + windowMillis + " ms");
        }
        int[] counts = new int[sorted.length];
        int runStart = 0;
        int end = 0; // first index at or past the span's end
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != sorted[runStart]) {
                runStart = i;
            }
            end = Math.max(end, i);
            // a difference, not sorted[i] + window, so instants near Long.MAX_VALUE cannot overflow
            while (end < sorted.length && sorted[end] - sorted[i] < windowMillis) {
                end++;
            }
            counts[i] = end - runStart;
        }
        return counts;
    }

    private static long[] sorted(List<Long> instants) {
        return instants.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
