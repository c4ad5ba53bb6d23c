package io.github.camelsaas.benchmarks.harness;

import java.util.Arrays;
import java.util.Map;

/**
 * What one run of a variant did: records sent and those the server reports created, API calls, wall time,
 * per-call latencies (when the variant times calls one by one), 429 answers, and numbers of its own.
 *
 * @param expectedCalls the number of calls the variant must make (e.g. ceil(N/1000)), or -1 when not fixed
 */
public record Measurement(long recordsSent, long recordsCreated, long calls, long expectedCalls, long elapsedNanos,
                          long[] latenciesNanos, long tooManyRequests, Map<String, Double> extra) {

    public Measurement {
        latenciesNanos = latenciesNanos == null ? new long[0] : latenciesNanos.clone();
        Arrays.sort(latenciesNanos);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Measurement of(long recordsSent, long recordsCreated, long calls, long elapsedNanos) {
        return new Measurement(recordsSent, recordsCreated, calls, -1, elapsedNanos, null, 0, null);
    }

    public Measurement withExpectedCalls(long expected) {
        return new Measurement(recordsSent, recordsCreated, calls, expected, elapsedNanos, latenciesNanos,
                tooManyRequests, extra);
    }

    public Measurement withLatencies(long[] latencies) {
        return new Measurement(recordsSent, recordsCreated, calls, expectedCalls, elapsedNanos, latencies,
                tooManyRequests, extra);
    }

    public Measurement withTooManyRequests(long count) {
        return new Measurement(recordsSent, recordsCreated, calls, expectedCalls, elapsedNanos, latenciesNanos,
                count, extra);
    }

    public Measurement withExtra(Map<String, Double> values) {
        return new Measurement(recordsSent, recordsCreated, calls, expectedCalls, elapsedNanos, latenciesNanos,
                tooManyRequests, values);
    }

    public double recordsPerSecond() {
        return recordsCreated / (elapsedNanos / 1e9);
    }

    public boolean hasLatencies() {
        return latenciesNanos.length > 0;
    }

    /** The latency at quantile q (0..1) in milliseconds, nearest rank; NaN without latencies. */
    public double latencyMillis(double q) {
        if (latenciesNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * latenciesNanos.length);
        return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, rank - 1))] / 1e6;
    }
}
