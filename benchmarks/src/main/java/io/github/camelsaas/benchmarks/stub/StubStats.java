package io.github.camelsaas.benchmarks.stub;

/** What a stub saw since its last reset: create calls answered 200, records created, token and refused calls. */
public record StubStats(long calls, long records, int maxRecordsPerCall, long tokenCalls, long refused) {
}
