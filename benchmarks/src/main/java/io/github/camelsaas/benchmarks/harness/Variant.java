package io.github.camelsaas.benchmarks.harness;

/**
 * One way of doing a scenario's work (the component, a hand-written route, a raw client). The runner calls
 * {@link #setUp} once, then {@link #run} for each warm-up and measured iteration, then {@link #close}.
 */
public interface Variant extends AutoCloseable {

    /** Short id used in tables, JSON and comparisons, e.g. {@code 1a}. */
    String id();

    /** What it is, in a few words. */
    String label();

    default void setUp() throws Exception {
    }

    /** Does the scenario's work once and reports it; only the work itself is timed. */
    Measurement run() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
