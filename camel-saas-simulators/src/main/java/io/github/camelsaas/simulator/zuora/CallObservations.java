package io.github.camelsaas.simulator.zuora;

import java.util.concurrent.atomic.AtomicInteger;

/** What the simulator noticed about the calls it got, for tests to inspect. Thread-safe. */
final class CallObservations {

    private volatile String lastTrackId;
    private final AtomicInteger maxRecordsInOneCreate = new AtomicInteger();

    void trackId(String trackId) {
        lastTrackId = trackId;
    }

    void recordsInCreate(int count) {
        maxRecordsInOneCreate.accumulateAndGet(count, Math::max);
    }

    String lastTrackId() {
        return lastTrackId;
    }

    int maxRecordsInOneCreate() {
        return maxRecordsInOneCreate.get();
    }

    void reset() {
        lastTrackId = null;
        maxRecordsInOneCreate.set(0);
    }
}
