package io.github.camelsaas.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

import io.github.camelsaas.benchmarks.BenchmarkSettings;
import io.github.camelsaas.benchmarks.harness.ScenarioResult;

/** Everything one run of the harness measured. */
public record BenchmarkReport(BenchmarkSettings settings, List<ScenarioResult> scenarios, HeapCheckResult heapCheck,
                              double elapsedSeconds) {

    /**
     * Problems any variant reported (records lost, wrong call counts, failed runs). A missed target is not one:
     * targets are reported beside their numbers.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        scenarios.forEach(s -> s.variants().forEach(v -> v.problems().forEach(p -> problems.add(v.id() + ": " + p))));
        return problems;
    }
}
