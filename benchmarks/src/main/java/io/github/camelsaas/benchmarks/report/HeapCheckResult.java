package io.github.camelsaas.benchmarks.report;

/**
 * 1(a) run once more in a JVM of its own capped at {@code maxHeapMegabytes}: whether it completed and the peak
 * heap it used there (null fields when it was not run).
 */
public record HeapCheckResult(int maxHeapMegabytes, int records, boolean completed, double peakHeapMegabytes,
                              double recordsPerSecond, String detail) {
}
