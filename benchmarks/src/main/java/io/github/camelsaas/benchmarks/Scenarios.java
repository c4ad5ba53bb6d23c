package io.github.camelsaas.benchmarks;

import java.util.List;

import io.github.camelsaas.benchmarks.harness.Comparison;
import io.github.camelsaas.benchmarks.harness.Comparison.Target;
import io.github.camelsaas.benchmarks.harness.IterationResult;
import io.github.camelsaas.benchmarks.harness.Scenario;
import io.github.camelsaas.benchmarks.kustomer.ComponentThrottled;
import io.github.camelsaas.benchmarks.kustomer.KustomerTarget;
import io.github.camelsaas.benchmarks.kustomer.ThrottleEipRoute;
import io.github.camelsaas.benchmarks.zuora.AggregatedHttpRoute;
import io.github.camelsaas.benchmarks.zuora.ComponentCoalesced;
import io.github.camelsaas.benchmarks.zuora.ComponentListBody;
import io.github.camelsaas.benchmarks.zuora.ComponentSingleCalls;
import io.github.camelsaas.benchmarks.zuora.NaiveHttpRoute;
import io.github.camelsaas.benchmarks.zuora.RawClientBatches;
import io.github.camelsaas.benchmarks.zuora.RawSingleCalls;
import io.github.camelsaas.benchmarks.zuora.ZuoraTarget;

/** The three scenarios, their variants and the targets they are held to (see benchmarks/README.md). */
public final class Scenarios {

    private Scenarios() {
    }

    public static Scenario zuoraCreate(BenchmarkSettings settings, ZuoraTarget zuora) {
        int n = settings.zuoraRecords();
        return new Scenario("1", "Zuora create, " + n + " records of 10 fields", settings.warmups(),
                settings.iterations(),
                List.of(new ComponentListBody(zuora, n),
                        new ComponentCoalesced(zuora, n, settings.batchWindow()),
                        new NaiveHttpRoute(zuora, settings.naiveRecords()),
                        new AggregatedHttpRoute(zuora, n, settings.concurrency()),
                        new RawClientBatches(zuora, n, settings.concurrency())),
                List.of(Comparison.ratio("1a / 1e records/s", "1a", "1e", IterationResult::recordsPerSecond,
                                Target.atLeast(0.9)),
                        Comparison.ratio("1a / 1c records/s", "1a", "1c", IterationResult::recordsPerSecond,
                                Target.atLeast(50)),
                        Comparison.ratio("1b / 1a records/s", "1b", "1a", IterationResult::recordsPerSecond,
                                Target.atLeast(0.5)),
                        Comparison.ratio("1a / 1d records/s", "1a", "1d", IterationResult::recordsPerSecond, null),
                        Comparison.value("1a peak heap, harness JVM", "1a", IterationResult::peakHeapMegabytes,
                                "MB", null)));
    }

    /**
     * 2a and 2b straight to the simulator; 2c and 2d the same two through a proxy that delays each call by 0 to
     * {@code kustomerJitter().maxDelayMillis()} ms. Only the component is held to targets: at least 0.99 of the
     * ideal without jitter and 0.97 with it (the new limiter pays about one round trip per window, see
     * benchmarks/README.md), and no 429 in any run either way.
     */
    public static Scenario kustomerThrottled(BenchmarkSettings settings, KustomerTarget kustomer) {
        var limits = settings.kustomer();
        var jitter = settings.kustomerJitter();
        return new Scenario("2", "Kustomer throttled creates, " + limits.records() + " KObjects over "
                + limits.customers() + " customers, " + limits.perCustomer() + "/customer and " + limits.org()
                + "/org per " + limits.window().toMillis() + " ms; 2c/2d with 0-" + jitter.maxDelayMillis()
                + " ms per call, " + jitter.inFlight() + " in flight", settings.kustomerWarmups(),
                settings.kustomerIterations(),
                List.of(ComponentThrottled.direct(kustomer), ThrottleEipRoute.direct(kustomer),
                        ComponentThrottled.jittered(kustomer, jitter), ThrottleEipRoute.jittered(kustomer, jitter)),
                List.of(Comparison.value("2a achieved / ideal", "2a", Scenarios::achievedVsIdeal, "x",
                                Target.atLeast(0.99)),
                        Comparison.value("2a 429s per run", "2a", Scenarios::tooManyRequests, "",
                                Target.below(1).inEveryRun()),
                        Comparison.value("2b achieved / ideal", "2b", Scenarios::achievedVsIdeal, "x", null),
                        Comparison.value("2b 429s per run", "2b", Scenarios::tooManyRequests, "", null),
                        Comparison.ratio("2a / 2b records/s", "2a", "2b", IterationResult::recordsPerSecond, null),
                        Comparison.value("2c achieved / ideal", "2c", Scenarios::achievedVsIdeal, "x",
                                Target.atLeast(0.97)),
                        Comparison.value("2c 429s per run", "2c", Scenarios::tooManyRequests, "",
                                Target.below(1).inEveryRun()),
                        Comparison.value("2c most calls at the server in any window", "2c",
                                Scenarios::maxCallsInAnyWindow, "", null),
                        Comparison.value("2d achieved / ideal", "2d", Scenarios::achievedVsIdeal, "x", null),
                        Comparison.value("2d 429s per run", "2d", Scenarios::tooManyRequests, "", null),
                        Comparison.value("2d most calls at the server in any window", "2d",
                                Scenarios::maxCallsInAnyWindow, "", null),
                        Comparison.ratio("2c / 2d records/s", "2c", "2d", IterationResult::recordsPerSecond, null)));
    }

    public static Scenario callOverhead(BenchmarkSettings settings, ZuoraTarget zuora) {
        int calls = settings.overheadCalls();
        return new Scenario("3", "Overhead per call, " + calls + " sequential single-record creates",
                settings.warmups(), settings.iterations(),
                List.of(new ComponentSingleCalls(zuora, calls), new RawSingleCalls(zuora, calls)),
                List.of(Comparison.difference("3a - 3b p50 latency", "3a", "3b",
                                i -> i.measurement().latencyMillis(0.5), "ms", Target.below(1.0)),
                        Comparison.difference("3a - 3b p99 latency", "3a", "3b",
                                i -> i.measurement().latencyMillis(0.99), "ms", null)));
    }

    private static double achievedVsIdeal(IterationResult iteration) {
        return iteration.measurement().extra().getOrDefault("achieved_vs_ideal", Double.NaN);
    }

    private static double maxCallsInAnyWindow(IterationResult iteration) {
        return iteration.measurement().extra().getOrDefault("max_calls_in_any_window", Double.NaN);
    }

    private static double tooManyRequests(IterationResult iteration) {
        return iteration.measurement().tooManyRequests();
    }
}
