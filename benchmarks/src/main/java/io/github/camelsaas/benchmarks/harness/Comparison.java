package io.github.camelsaas.benchmarks.harness;

import java.util.function.ToDoubleFunction;

/**
 * A number computed from each measured iteration, with the target it is held to. A {@link Kind#RATIO} or
 * {@link Kind#DIFFERENCE} pairs iteration i of one variant with iteration i of another (they ran back to back,
 * so machine noise mostly cancels); a {@link Kind#VALUE} reads one variant alone. A null target makes it
 * informational.
 */
public record Comparison(String name, Kind kind, String variant, String baseline, ToDoubleFunction<IterationResult> metric,
                         String unit, Target target) {

    public enum Kind { RATIO, DIFFERENCE, VALUE }

    /** {@code value >= threshold} or {@code value < threshold}. */
    public record Target(boolean atLeast, double threshold) {
        public static Target atLeast(double threshold) {
            return new Target(true, threshold);
        }

        public static Target below(double threshold) {
            return new Target(false, threshold);
        }

        public boolean met(double value) {
            return atLeast ? value >= threshold : value < threshold;
        }

        @Override
        public String toString() {
            return (atLeast ? ">= " : "< ") + Format.number(threshold);
        }
    }

    public static Comparison ratio(String name, String variant, String baseline,
                                   ToDoubleFunction<IterationResult> metric, Target target) {
        return new Comparison(name, Kind.RATIO, variant, baseline, metric, "x", target);
    }

    public static Comparison difference(String name, String variant, String baseline,
                                        ToDoubleFunction<IterationResult> metric, String unit, Target target) {
        return new Comparison(name, Kind.DIFFERENCE, variant, baseline, metric, unit, target);
    }

    public static Comparison value(String name, String variant, ToDoubleFunction<IterationResult> metric, String unit,
                                   Target target) {
        return new Comparison(name, Kind.VALUE, variant, null, metric, unit, target);
    }

    double compute(IterationResult of, IterationResult base) {
        double value = metric.applyAsDouble(of);
        return switch (kind) {
            case RATIO -> value / metric.applyAsDouble(base);
            case DIFFERENCE -> value - metric.applyAsDouble(base);
            case VALUE -> value;
        };
    }
}
