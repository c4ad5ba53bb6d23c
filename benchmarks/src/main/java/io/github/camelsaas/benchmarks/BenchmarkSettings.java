package io.github.camelsaas.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelsaas.benchmarks.kustomer.KustomerLimits;

/**
 * How big each scenario is and how often it runs.
 *
 * @param zuoraOptions      options every {@code zuora-objects:} endpoint of the Zuora scenarios gets
 * @param stubLatencyMillis how late the Zuora stub answers each create (0: at once, the default)
 */
public record BenchmarkSettings(String mode, int warmups, int iterations, int zuoraRecords, int naiveRecords,
                                int concurrency, Duration batchWindow, KustomerLimits kustomer, int kustomerWarmups,
                                int kustomerIterations, int overheadCalls, String zuoraOptions, boolean heapCheck,
                                long stubLatencyMillis) {

    /**
     * The real thing: 100,000 records, 3 warm-ups (profiles showed 1a still speeding up after 2) and 5 measured
     * iterations. About 4 minutes on 2 cores.
     */
    public static BenchmarkSettings full() {
        return new BenchmarkSettings("full", 3, 5, 100_000, 10_000, 10, Duration.ofMillis(50),
                new KustomerLimits(1_200, 10, 120, 300, Duration.ofSeconds(2)), 1, 5, 2_000,
                "compressRequests=false", true, 0);
    }

    /** Every scenario, small, for CI: checks the harness works; its timings mean little. */
    public static BenchmarkSettings quick() {
        return new BenchmarkSettings("quick", 1, 2, 2_000, 200, 10, Duration.ofMillis(20),
                new KustomerLimits(120, 10, 12, 30, Duration.ofMillis(250)), 0, 2, 200,
                "compressRequests=false", false, 0);
    }

    /** Tiny numbers, for the harness's own test. */
    public static BenchmarkSettings tiny() {
        return new BenchmarkSettings("tiny", 0, 1, 2_500, 30, 4, Duration.ofMillis(20),
                new KustomerLimits(40, 4, 5, 10, Duration.ofMillis(200)), 0, 1, 20, "compressRequests=false", false, 0);
    }

    /** The same sizes with other iteration counts (scenario 2's too). */
    public BenchmarkSettings withIterations(int warmupRuns, int measuredRuns) {
        return new BenchmarkSettings(mode, warmupRuns, measuredRuns, zuoraRecords, naiveRecords, concurrency,
                batchWindow, kustomer, Math.min(kustomerWarmups, warmupRuns), measuredRuns, overheadCalls, zuoraOptions,
                heapCheck, stubLatencyMillis);
    }

    /** Other options for the Zuora scenarios' {@code zuora-objects:} endpoints, e.g. {@code compressRequests=true}. */
    public BenchmarkSettings withZuoraOptions(String options) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                kustomer, kustomerWarmups, kustomerIterations, overheadCalls, options, heapCheck, stubLatencyMillis);
    }

    /** Scenario 2 with another window (limits per window unchanged), e.g. to see how the window length matters. */
    public BenchmarkSettings withKustomerWindow(Duration window) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                new KustomerLimits(kustomer.records(), kustomer.customers(), kustomer.perCustomer(), kustomer.org(),
                        window), kustomerWarmups, kustomerIterations, overheadCalls, zuoraOptions, heapCheck,
                stubLatencyMillis);
    }

    /** Records that the Zuora stub answers each create this much late. */
    public BenchmarkSettings withStubLatency(long millis) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                kustomer, kustomerWarmups, kustomerIterations, overheadCalls, zuoraOptions, heapCheck, millis);
    }

    public BenchmarkSettings withHeapCheck(boolean check) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                kustomer, kustomerWarmups, kustomerIterations, overheadCalls, zuoraOptions, check, stubLatencyMillis);
    }

    public Map<String, Object> describe() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("warmups", warmups);
        settings.put("iterations", iterations);
        settings.put("zuora_records", zuoraRecords);
        settings.put("naive_records", naiveRecords);
        settings.put("concurrency", concurrency);
        settings.put("batch_window_ms", batchWindow.toMillis());
        settings.put("zuora_component_options", zuoraOptions);
        Map<String, Object> kustomerSettings = new LinkedHashMap<>();
        kustomerSettings.put("records", kustomer.records());
        kustomerSettings.put("customers", kustomer.customers());
        kustomerSettings.put("per_customer_limit", kustomer.perCustomer());
        kustomerSettings.put("org_limit", kustomer.org());
        kustomerSettings.put("window_ms", kustomer.window().toMillis());
        kustomerSettings.put("warmups", kustomerWarmups);
        kustomerSettings.put("iterations", kustomerIterations);
        settings.put("kustomer", kustomerSettings);
        settings.put("overhead_calls", overheadCalls);
        settings.put("stub_latency_ms", stubLatencyMillis);
        return settings;
    }
}
