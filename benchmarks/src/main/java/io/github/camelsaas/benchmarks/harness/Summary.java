package io.github.camelsaas.benchmarks.harness;

import java.util.Arrays;
import java.util.Collection;

/** Median, min and max of a set of values (NaN when there are none). */
public record Summary(double median, double min, double max, int count) {

    public static Summary of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (sorted.length == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Summary(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    public static Summary of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** {@code median [min-max]}. */
    public String describe() {
        if (count == 0) {
            return "-";
        }
        return Format.number(median) + " [" + Format.number(min) + "-" + Format.number(max) + "]";
    }
}
