package io.github.camelsaas.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.benchmarks.kustomer.KustomerJitter;
import io.github.camelsaas.benchmarks.kustomer.KustomerLimits;

/**
 * How big each scenario is and how often it runs.
 *
 * @param zuoraOptions      options every {@code zuora-objects:} endpoint of the Zuora scenarios gets
 * @param stubLatencyMillis how late the Zuora stub answers each create (0: at once, the default)
 * @param kustomerJitter    what scenario 2's jittered variants (2c, 2d) add: a delay per call and calls in flight
 */
public record BenchmarkSettings(String mode, int warmups, int iterations, int zuoraRecords, int naiveRecords,
                                int concurrency, Duration batchWindow, KustomerLimits kustomer, int kustomerWarmups,
                                int kustomerIterations, int overheadCalls, String zuoraOptions, boolean heapCheck,
                                long stubLatencyMillis, KustomerJitter kustomerJitter) {

    /**
     * The real thing: 100,000 records, 3 warm-ups (profiles showed 1a still speeding up after 2) and 5 measured
     * iterations. About 5 minutes on 2 cores (scenario 2 alone, with its jittered variants, about 4).
     */
    public static BenchmarkSettings full() {
        // 2c/2d: 0-300 ms per call; 50 in flight, the connections the component's transport pools (see README)
        return new BenchmarkSettings("full", 3, 5, 100_000, 10_000, 10, Duration.ofMillis(50),
                new KustomerLimits(1_200, 10, 120, 300, Duration.ofSeconds(2)), 1, 5, 2_000,
                "compressRequests=false", true, 0, new KustomerJitter(300, 50));
    }

    /** Every scenario, small, for CI: checks the harness works; its timings mean little. */
    public static BenchmarkSettings quick() {
        // 2c/2d's jitter scaled with the window: 0-40 ms of 250 ms is about the full run's 0-300 ms of 2 s
        return new BenchmarkSettings("quick", 1, 2, 2_000, 200, 10, Duration.ofMillis(20),
                new KustomerLimits(120, 10, 12, 30, Duration.ofMillis(250)), 0, 2, 200,
                "compressRequests=false", false, 0, new KustomerJitter(40, 50));
    }

    /** Tiny numbers, for the harness's own test. */
    public static BenchmarkSettings tiny() {
        return new BenchmarkSettings("tiny", 0, 1, 2_500, 30, 4, Duration.ofMillis(20),
                new KustomerLimits(40, 4, 5, 10, Duration.ofMillis(200)), 0, 1, 20, "compressRequests=false", false, 0,
                new KustomerJitter(30, 8));
    }

    /** The same sizes with other iteration counts (scenario 2's too). */
    public BenchmarkSettings withIterations(int warmupRuns, int measuredRuns) {
        return new BenchmarkSettings(mode, warmupRuns, measuredRuns, zuoraRecords, naiveRecords, concurrency,
                batchWindow, kustomer, Math.min(kustomerWarmups, warmupRuns), measuredRuns, overheadCalls, zuoraOptions,
                heapCheck, stubLatencyMillis, kustomerJitter);
    }

    /** Other options for the Zuora scenarios' {@code zuora-objects:} endpoints, e.g. {@code compressRequests=true}. */
    public BenchmarkSettings withZuoraOptions(String options) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                kustomer, kustomerWarmups, kustomerIterations, overheadCalls, options, heapCheck, stubLatencyMillis,
                kustomerJitter);
    }

    /** Scenario 2 with another window (limits per window unchanged), e.g. to see how the window length matters. */
    public BenchmarkSettings withKustomerWindow(Duration window) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                new KustomerLimits(kustomer.records(), kustomer.customers(), kustomer.perCustomer(), kustomer.org(),
                        window), kustomerWarmups, kustomerIterations, overheadCalls, zuoraOptions, heapCheck,
                stubLatencyMillis, kustomerJitter);
    }

    /** Records that the Zuora stub answers each create this much late. */
    public BenchmarkSettings withStubLatency(long millis) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                kustomer, kustomerWarmups, kustomerIterations, overheadCalls, zuoraOptions, heapCheck, millis,
                kustomerJitter);
    }

    public BenchmarkSettings withHeapCheck(boolean check) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                kustomer, kustomerWarmups, kustomerIterations, overheadCalls, zuoraOptions, check, stubLatencyMillis,
                kustomerJitter);
    }

    /** Scenario 2's jittered variants with another delay or in-flight count. */
    public BenchmarkSettings withKustomerJitter(KustomerJitter jitter) {
        return new BenchmarkSettings(mode, warmups, iterations, zuoraRecords, naiveRecords, concurrency, batchWindow,
                kustomer, kustomerWarmups, kustomerIterations, overheadCalls, zuoraOptions, heapCheck,
                stubLatencyMillis, jitter);
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
        Map<String, Object> jitter = new LinkedHashMap<>();
        jitter.put("variants", List.of("2c", "2d"));
        jitter.put("min_delay_ms", 0);
        jitter.put("max_delay_ms", kustomerJitter.maxDelayMillis());
        jitter.put("first_request_on_connection_extra_ms", 0);
        jitter.put("seed", "the run's index within the variant, warm-ups included (0 = first run)");
        jitter.put("in_flight", kustomerJitter.inFlight());
        kustomerSettings.put("jitter", jitter);
        settings.put("kustomer", kustomerSettings);
        settings.put("overhead_calls", overheadCalls);
        settings.put("stub_latency_ms", stubLatencyMillis);
        return settings;
    }
}
