package io.github.camelsaas.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.camelsaas.benchmarks.harness.Scenario;
import io.github.camelsaas.benchmarks.harness.ScenarioResult;
import io.github.camelsaas.benchmarks.harness.ScenarioRunner;
import io.github.camelsaas.benchmarks.kustomer.KustomerTarget;
import io.github.camelsaas.benchmarks.report.BenchmarkReport;
import io.github.camelsaas.benchmarks.report.HeapCheckResult;
import io.github.camelsaas.benchmarks.stub.ZuoraStubHandle;
import io.github.camelsaas.benchmarks.zuora.ZuoraTarget;

/** Runs the chosen scenarios against a Zuora stub and the Kustomer simulator, and collects the report. */
public final class BenchmarkRun {

    /** The heap cap 1(a) is checked under. */
    public static final int HEAP_CAP_MB = 256;

    private final BenchmarkSettings settings;
    private final PrintStream progress;
    private Set<String> variants = Set.of();

    public BenchmarkRun(BenchmarkSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every variant of the chosen scenarios ("1", "2", "3"; empty for all). */
    public BenchmarkReport run(ZuoraStubHandle stub, Set<String> scenarios) throws Exception {
        return run(stub, scenarios, Set.of());
    }

    /** @param variants the variant ids to run, e.g. "1a", "1e" (empty for all), for profiling one of them */
    public BenchmarkReport run(ZuoraStubHandle stub, Set<String> scenarios, Set<String> variants) throws Exception {
        this.variants = variants;
        long start = System.nanoTime();
        ScenarioRunner runner = new ScenarioRunner(progress);
        ZuoraTarget zuora = new ZuoraTarget(stub, settings.zuoraOptions());
        List<ScenarioResult> results = new ArrayList<>();
        HeapCheckResult heapCheck = null;
        if (wanted(scenarios, "1")) {
            results.add(run(runner, Scenarios.zuoraCreate(settings, zuora)));
            if (settings.heapCheck() && (variants.isEmpty() || variants.contains("1a"))) {
                progress.printf("  1a  again in a JVM with -Xmx%dm (heap check) ...%n", HEAP_CAP_MB);
                heapCheck = HeapCheck.run(stub.baseUrl(), settings.zuoraRecords(), settings.zuoraOptions(),
                        HEAP_CAP_MB, HEAP_CAP_MB * 3 / 2, HEAP_CAP_MB * 2);
            }
        }
        if (wanted(scenarios, "2")) {
            try (KustomerTarget kustomer = new KustomerTarget(settings.kustomer())) {
                results.add(run(runner, Scenarios.kustomerThrottled(settings, kustomer)));
            }
        }
        if (wanted(scenarios, "3")) {
            results.add(run(runner, Scenarios.callOverhead(settings, zuora)));
        }
        return new BenchmarkReport(settings, results, heapCheck, (System.nanoTime() - start) / 1e9);
    }

    private ScenarioResult run(ScenarioRunner runner, Scenario scenario) {
        progress.println("scenario " + scenario.id() + ": " + scenario.title());
        if (!variants.isEmpty()) {
            scenario = new Scenario(scenario.id(), scenario.title(), scenario.warmups(), scenario.iterations(),
                    scenario.variants().stream().filter(v -> variants.contains(v.id())).toList(),
                    scenario.comparisons());
        }
        return runner.run(scenario);
    }

    private static boolean wanted(Set<String> scenarios, String id) {
        return scenarios.isEmpty() || scenarios.contains(id);
    }
}
