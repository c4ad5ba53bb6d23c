package io.github.camelsaas.benchmarks.harness;

/** A comparison's values over the measured iterations, and whether the median meets its target. */
public record ComparisonResult(Comparison comparison, Summary summary) {

    public boolean met() {
        return summary.count() > 0 && comparison.target() != null && comparison.target().met(summary.median());
    }

    /** "met", "MISSED", or "-" for an informational comparison. */
    public String verdict() {
        if (comparison.target() == null) {
            return "-";
        }
        return met() ? "met" : "MISSED";
    }
}
