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

    /**
     * {@code value >= threshold} or {@code value < threshold}, judged on the median of the runs, or on every run
     * ({@link #inEveryRun()}: the worst run decides, e.g. "no 429 in any run").
     */
    public record Target(boolean atLeast, double threshold, boolean everyRun) {
        public static Target atLeast(double threshold) {
            return new Target(true, threshold, false);
        }

        public static Target below(double threshold) {
            return new Target(false, threshold, false);
        }

        /** The same threshold, held by every run rather than by the median. */
        public Target inEveryRun() {
            return new Target(atLeast, threshold, true);
        }

        public boolean met(double value) {
            return atLeast ? value >= threshold : value < threshold;
        }

        /** Whether the runs summarised meet it: the median, or with {@link #everyRun} the worst of them. */
        public boolean met(Summary runs) {
            if (!everyRun) {
                return met(runs.median());
            }
            return met(atLeast ? runs.min() : runs.max());
        }

        @Override
        public String toString() {
            return (atLeast ? ">= " : "< ") + Format.number(threshold) + (everyRun ? " in every run" : "");
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
