package io.github.camelsaas.kustomer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelsaas.common.component.ExchangeCalls;

/**
 * What one exchange's calls did, gathered from any thread: besides what every exchange counts (requests, the first
 * 401), the last rate-limit remaining seen and the bulk jobs answered.
 */
public final class CallStats extends ExchangeCalls {

    private final AtomicReference<Integer> rateLimitRemaining = new AtomicReference<>();
    private final List<String> bulkJobIds = new ArrayList<>();

    public void rateLimitRemaining(Integer remaining) {
        if (remaining != null) {
            rateLimitRemaining.set(remaining);
        }
    }

    public Integer rateLimitRemaining() {
        return rateLimitRemaining.get();
    }

    public synchronized void bulkJob(String id) {
        if (id != null) {
            bulkJobIds.add(id);
        }
    }

    public synchronized List<String> bulkJobIds() {
        return List.copyOf(bulkJobIds);
    }

    /** Takes over what a shared batch call saw (coalesced creates): its rate-limit state, jobs and 401. */
    public void absorb(CallStats batch) {
        super.absorb(batch);
        rateLimitRemaining(batch.rateLimitRemaining());
        batch.bulkJobIds().forEach(this::bulkJob);
    }
}
