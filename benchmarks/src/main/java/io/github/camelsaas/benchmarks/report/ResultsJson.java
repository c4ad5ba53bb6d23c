package io.github.camelsaas.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.github.camelsaas.benchmarks.harness.ComparisonResult;
import io.github.camelsaas.benchmarks.harness.IterationResult;
import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.ScenarioResult;
import io.github.camelsaas.benchmarks.harness.Summary;
import io.github.camelsaas.benchmarks.harness.VariantResult;

/** Writes a report as JSON (the shape is described in benchmarks/README.md). */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(BenchmarkReport report, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        MAPPER.writeValue(file.toFile(), toMap(report));
    }

    public static Map<String, Object> toMap(BenchmarkReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated_at", Instant.now().toString());
        root.put("mode", report.settings().mode());
        root.put("elapsed_s", round(report.elapsedSeconds()));
        root.put("machine", machine());
        root.put("settings", report.settings().describe());
        List<Object> results = new ArrayList<>();
        List<Object> comparisons = new ArrayList<>();
        for (ScenarioResult scenario : report.scenarios()) {
            for (VariantResult variant : scenario.variants()) {
                results.add(variant(scenario, variant));
            }
            for (ComparisonResult comparison : scenario.comparisons()) {
                comparisons.add(comparison(scenario, comparison));
            }
        }
        root.put("results", results);
        root.put("comparisons", comparisons);
        HeapCheckResult heap = report.heapCheck();
        if (heap != null) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("variant", "1a");
            check.put("max_heap_mb", heap.maxHeapMegabytes());
            check.put("records", heap.records());
            check.put("completed", heap.completed());
            check.put("peak_heap_mb", round(heap.peakHeapMegabytes()));
            check.put("records_per_s", round(heap.recordsPerSecond()));
            check.put("target", "< " + heap.maxHeapMegabytes() + " MB");
            check.put("met", heap.completed() && heap.peakHeapMegabytes() < heap.maxHeapMegabytes());
            check.put("detail", heap.detail());
            root.put("heap_check", check);
        }
        root.put("problems", report.problems());
        return root;
    }

    private static Map<String, Object> variant(ScenarioResult scenario, VariantResult v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", scenario.scenario().id());
        out.put("scenario_title", scenario.scenario().title());
        out.put("variant", v.id());
        out.put("label", v.label());
        Measurement last = v.last();
        out.put("records", last == null ? null : last.recordsSent());
        out.put("records_created", last == null ? null : last.recordsCreated());
        out.put("calls", last == null ? null : last.calls());
        out.put("expected_calls", last == null || last.expectedCalls() < 0 ? null : last.expectedCalls());
        out.put("warmups", scenario.scenario().warmups());
        out.put("iterations", v.iterations().size());
        out.put("records_per_s", summary(v.recordsPerSecond()));
        if (v.hasLatencies()) {
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", summary(v.latencyMillis(0.5)));
            latency.put("p99", summary(v.latencyMillis(0.99)));
            out.put("latency_ms", latency);
        } else {
            out.put("latency_ms", null);
        }
        out.put("too_many_requests", v.tooManyRequests());
        out.put("peak_heap_mb", round(v.peakHeapMegabytes()));
        Map<String, Object> extra = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>();
        v.iterations().forEach(i -> keys.addAll(i.measurement().extra().keySet()));
        for (String key : keys) {
            extra.put(key, summary(v.summary(i -> i.measurement().extra().getOrDefault(key, Double.NaN))));
        }
        out.put("extra", extra);
        List<Object> iterations = new ArrayList<>();
        for (IterationResult i : v.iterations()) {
            Map<String, Object> it = new LinkedHashMap<>();
            Measurement m = i.measurement();
            it.put("elapsed_ms", round(m.elapsedNanos() / 1e6));
            it.put("records_per_s", round(m.recordsPerSecond()));
            it.put("records_created", m.recordsCreated());
            it.put("calls", m.calls());
            if (m.hasLatencies()) {
                it.put("p50_ms", round(m.latencyMillis(0.5)));
                it.put("p99_ms", round(m.latencyMillis(0.99)));
            }
            it.put("too_many_requests", m.tooManyRequests());
            it.put("peak_heap_mb", round(i.peakHeapMegabytes()));
            if (!m.extra().isEmpty()) {
                // per run, since a summary hides which run did what (e.g. scenario 2's achieved / ideal and seed)
                Map<String, Object> runExtra = new TreeMap<>();
                m.extra().forEach((key, value) -> runExtra.put(key, round(value)));
                it.put("extra", runExtra);
            }
            iterations.add(it);
        }
        out.put("per_iteration", iterations);
        out.put("problems", v.problems());
        return out;
    }

    private static Map<String, Object> comparison(ScenarioResult scenario, ComparisonResult c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", scenario.scenario().id());
        out.put("name", c.comparison().name());
        out.put("kind", c.comparison().kind().name().toLowerCase());
        out.put("variant", c.comparison().variant());
        out.put("baseline", c.comparison().baseline());
        out.put("unit", c.comparison().unit());
        out.put("value", summary(c.summary()));
        out.put("target", c.comparison().target() == null ? null : c.comparison().target().toString());
        out.put("met", c.comparison().target() == null ? null : c.met());
        return out;
    }

    private static Map<String, Object> summary(Summary summary) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median", round(summary.median()));
        out.put("min", round(summary.min()));
        out.put("max", round(summary.max()));
        return out;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("harness_max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("harness_jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return machine;
    }

    /** Three decimals at most; null for NaN (JSON has no NaN). */
    private static Double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 1000) / 1000.0;
    }
}
