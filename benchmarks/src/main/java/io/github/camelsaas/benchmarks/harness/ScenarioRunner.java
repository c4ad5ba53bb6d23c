package io.github.camelsaas.benchmarks.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario: sets every variant up, runs the warm-ups, then the measured iterations with the variants
 * interleaved (iteration i of every variant before iteration i+1 of any), so that slow drifts of a shared
 * machine touch all variants alike and pairwise ratios compare neighbours. Checks every measured run: each
 * record sent must be reported created, and a variant with a fixed number of calls must make exactly that many.
 */
public final class ScenarioRunner {

    private final PrintStream progress;
    private final HeapProbe heap = new HeapProbe();

    public ScenarioRunner(PrintStream progress) {
        this.progress = progress;
    }

    public ScenarioResult run(Scenario scenario) {
        Map<String, List<IterationResult>> iterations = new LinkedHashMap<>();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<Variant> live = new ArrayList<>();
        for (Variant variant : scenario.variants()) {
            iterations.put(variant.id(), new ArrayList<>());
            problems.put(variant.id(), new ArrayList<>());
            try {
                variant.setUp();
                live.add(variant);
            } catch (Exception e) {
                problems.get(variant.id()).add("set-up failed: " + e);
            }
        }
        int total = scenario.warmups() + scenario.iterations();
        for (int round = 0; round < total; round++) {
            boolean warmup = round < scenario.warmups();
            for (Variant variant : List.copyOf(live)) {
                progress.printf("  %-3s %-46s %s %d/%d ... ", variant.id(), variant.label(),
                        warmup ? "warm-up " : "measured", warmup ? round + 1 : round - scenario.warmups() + 1,
                        warmup ? scenario.warmups() : scenario.iterations());
                progress.flush();
                try {
                    // start every run from a collected heap, so one run's garbage does not tax the next
                    heap.liveAfterGc();
                    heap.start();
                    Measurement measurement;
                    long peakHeap;
                    try {
                        measurement = variant.run();
                    } finally {
                        peakHeap = heap.stop();
                    }
                    IterationResult result = new IterationResult(measurement, peakHeap);
                    progress.printf("%s records/s%s%s%n", Format.number(measurement.recordsPerSecond()),
                            measurement.hasLatencies() ? ", p50 " + Format.number(measurement.latencyMillis(0.5))
                                    + " ms" : "", limitFacts(measurement));
                    List<String> found = check(measurement);
                    if (!warmup) {
                        iterations.get(variant.id()).add(result);
                    }
                    if (!found.isEmpty()) {
                        problems.get(variant.id()).addAll(found);
                        progress.println("      problem: " + String.join("; ", found));
                    }
                } catch (Exception e) {
                    progress.println("failed: " + e);
                    problems.get(variant.id()).add((warmup ? "warm-up" : "iteration") + " failed: " + e);
                    live.remove(variant);
                }
            }
        }
        for (Variant variant : scenario.variants()) {
            try {
                variant.close();
            } catch (Exception e) {
                problems.get(variant.id()).add("close failed: " + e);
            }
        }
        List<VariantResult> variants = scenario.variants().stream()
                .map(v -> new VariantResult(scenario.id(), v.id(), v.label(), iterations.get(v.id()),
                        problems.get(v.id())))
                .toList();
        List<ComparisonResult> comparisons = scenario.comparisons().stream()
                .map(c -> compare(c, iterations)).toList();
        return new ScenarioResult(scenario, variants, comparisons);
    }

    /** For a throttled variant, how close to its limits' ideal it came and the 429s it drew; else nothing. */
    private static String limitFacts(Measurement m) {
        Double achieved = m.extra().get("achieved_vs_ideal");
        if (achieved == null) {
            return "";
        }
        return ", " + Format.number(achieved) + " of ideal, " + m.tooManyRequests() + " 429s";
    }

    static List<String> check(Measurement m) {
        List<String> problems = new ArrayList<>();
        if (m.recordsCreated() != m.recordsSent()) {
            problems.add(m.recordsSent() + " records sent but " + m.recordsCreated() + " reported created");
        }
        if (m.expectedCalls() >= 0 && m.calls() != m.expectedCalls()) {
            problems.add(m.calls() + " calls made where exactly " + m.expectedCalls() + " were expected");
        }
        return problems;
    }

    private static ComparisonResult compare(Comparison comparison, Map<String, List<IterationResult>> iterations) {
        List<IterationResult> of = iterations.getOrDefault(comparison.variant(), List.of());
        List<IterationResult> base = comparison.baseline() == null ? of
                : iterations.getOrDefault(comparison.baseline(), List.of());
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < Math.min(of.size(), base.size()); i++) {
            values.add(comparison.compute(of.get(i), base.get(i)));
        }
        return new ComparisonResult(comparison, Summary.of(values));
    }
}
