package io.github.camelsaas.benchmarks.harness;

/** A comparison's values over the measured iterations, and whether they meet its target ({@link Comparison.Target}). */
public record ComparisonResult(Comparison comparison, Summary summary) {

    public boolean met() {
        return summary.count() > 0 && comparison.target() != null && comparison.target().met(summary);
    }

    /** "met", "MISSED", or "-" for an informational comparison. */
    public String verdict() {
        if (comparison.target() == null) {
            return "-";
        }
        return met() ? "met" : "MISSED";
    }
}
