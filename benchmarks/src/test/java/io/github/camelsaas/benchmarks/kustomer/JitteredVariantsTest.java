package io.github.camelsaas.benchmarks.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.benchmarks.BenchmarkSettings;
import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;

/**
 * 2c and 2d on tiny numbers, run twice each: every record is accounted for, every call the simulator counted went
 * through the delaying proxy (so the delay was really in the way), each run had a seed of its own, and both
 * variants had the same seeds. For 2c also the component's promise, on the arrival clock: never more calls in a
 * window than the org limit, and no 429. No timing is asserted.
 */
class JitteredVariantsTest {

    private static final int RUNS = 2;

    @Test
    void everyCallGoesThroughTheProxyWithASeedPerRunAndEveryRecordIsAccountedFor() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.tiny();
        KustomerLimits limits = settings.kustomer();
        try (KustomerTarget kustomer = new KustomerTarget(limits)) {
            List<Measurement> component = runs(ComponentThrottled.jittered(kustomer, settings.kustomerJitter()));
            List<Measurement> eip = runs(ThrottleEipRoute.jittered(kustomer, settings.kustomerJitter()));

            for (List<Measurement> variant : List.of(component, eip)) {
                for (int run = 0; run < RUNS; run++) {
                    Measurement m = variant.get(run);
                    assertThat(m.recordsCreated()).isEqualTo(m.recordsSent()).isEqualTo(limits.records());
                    assertThat(m.calls()).isEqualTo(limits.records() + m.tooManyRequests());
                    assertThat(m.extra().get("calls_through_proxy")).isEqualTo((double) m.calls());
                    assertThat(m.extra().get("jitter_seed")).isEqualTo((double) run);
                    assertThat(m.extra().get("jitter_max_ms"))
                            .isEqualTo((double) settings.kustomerJitter().maxDelayMillis());
                    assertThat(m.extra().get("failed_exchanges")).isZero();
                }
            }
            for (Measurement m : component) {
                assertThat(m.extra().get("max_calls_in_any_window")).isLessThanOrEqualTo((double) limits.org());
                assertThat(m.extra().get("spans_over_org_limit")).isZero();
                assertThat(m.tooManyRequests()).isZero();
            }
        }
    }

    private static List<Measurement> runs(Variant variant) throws Exception {
        List<Measurement> measurements = new ArrayList<>();
        variant.setUp();
        try {
            for (int run = 0; run < RUNS; run++) {
                measurements.add(variant.run());
            }
        } finally {
            variant.close();
        }
        return measurements;
    }
}
