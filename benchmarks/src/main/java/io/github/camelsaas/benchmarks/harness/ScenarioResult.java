package io.github.camelsaas.benchmarks.harness;

import java.util.List;

/** What a scenario's run produced. */
public record ScenarioResult(Scenario scenario, List<VariantResult> variants, List<ComparisonResult> comparisons) {

    public VariantResult variant(String id) {
        return variants.stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + id));
    }
}
