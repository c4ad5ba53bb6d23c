package io.github.camelsaas.benchmarks.harness;

/** A measured iteration: what the variant reported, and the peak heap used while it ran. */
public record IterationResult(Measurement measurement, long peakHeapBytes) {

    public double recordsPerSecond() {
        return measurement.recordsPerSecond();
    }

    public double peakHeapMegabytes() {
        return peakHeapBytes / (1024.0 * 1024.0);
    }
}
