package io.github.camelsaas.benchmarks.harness;

import java.util.List;

/** A piece of work, the variants that do it, and the comparisons that judge them. */
public record Scenario(String id, String title, int warmups, int iterations, List<Variant> variants,
                       List<Comparison> comparisons) {

    public Scenario {
        if (iterations < 1 || warmups < 0) {
            throw new IllegalArgumentException("a scenario needs at least one measured iteration");
        }
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
    }
}
