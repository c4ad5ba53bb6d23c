package io.github.camelsaas.benchmarks.kustomer;

import java.util.Map;

/**
 * How a scenario-2 variant's calls reach the simulator, run after run: straight on loopback (2a, 2b), or through a
 * proxy that delays each call (2c, 2d, {@link JitteredNetwork}). Either way the simulator counts and limits the
 * calls on its own clock, when they arrive.
 */
public interface KustomerNetwork {

    /** Opens the way for one run; called after the simulator was prepared for the run, closed after it. */
    Link open();

    /** The way one run's calls take. */
    interface Link extends AutoCloseable {

        /** The base URL the client is configured with. */
        String baseUrl();

        /** Numbers about this run's way (seed, calls seen on the way), added to the run's measurement. */
        Map<String, Double> runFacts();

        @Override
        void close();
    }

    /** Straight to the simulator: nothing in between, nothing to add. */
    static KustomerNetwork direct(KustomerTarget kustomer) {
        return () -> new Link() {
            @Override
            public String baseUrl() {
                return kustomer.baseUrl();
            }

            @Override
            public Map<String, Double> runFacts() {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
