package io.github.camelsaas.benchmarks.kustomer;

import java.time.Duration;

/**
 * Scenario 2's workload and the limits the simulator enforces: {@code records} KObject creates spread evenly over
 * {@code customers}, at most {@code perCustomer} creates per customer and {@code org} calls per {@code window}.
 */
public record KustomerLimits(int records, int customers, int perCustomer, int org, Duration window) {

    /** Creates per window the limits allow together: min(org, customers x per customer). */
    public int idealPerWindow() {
        return Math.min(org, customers * perCustomer);
    }

    /** Records per second at the ideal rate. */
    public double idealRecordsPerSecond() {
        return idealPerWindow() / (window.toMillis() / 1000.0);
    }

    /**
     * The shortest time in which a client can finish when the server counts "at most N in any window": the first
     * window's worth goes at once, each further one a whole window later, so the last goes out
     * (ceil(records / N) - 1) windows after the first.
     */
    public Duration idealMakespan() {
        int windows = (records + idealPerWindow() - 1) / idealPerWindow();
        return window.multipliedBy(Math.max(1, windows - 1));
    }
}
