package io.github.camelsaas.benchmarks.harness;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A variant's measured iterations and anything that went wrong (records lost, wrong call count, an error). */
public record VariantResult(String scenario, String id, String label, List<IterationResult> iterations,
                            List<String> problems) {

    public VariantResult {
        iterations = List.copyOf(iterations);
        problems = List.copyOf(problems);
    }

    public Summary summary(ToDoubleFunction<IterationResult> metric) {
        return Summary.of(iterations.stream().map(metric::applyAsDouble).toList());
    }

    public Summary recordsPerSecond() {
        return summary(IterationResult::recordsPerSecond);
    }

    public boolean hasLatencies() {
        return iterations.stream().anyMatch(i -> i.measurement().hasLatencies());
    }

    public Summary latencyMillis(double quantile) {
        return summary(i -> i.measurement().latencyMillis(quantile));
    }

    public long tooManyRequests() {
        return iterations.stream().mapToLong(i -> i.measurement().tooManyRequests()).sum();
    }

    public double peakHeapMegabytes() {
        return iterations.stream().mapToDouble(IterationResult::peakHeapMegabytes).max().orElse(Double.NaN);
    }

    /** The last iteration's measurement (records and calls are the same in every iteration of a variant). */
    public Measurement last() {
        return iterations.isEmpty() ? null : iterations.get(iterations.size() - 1).measurement();
    }
}
