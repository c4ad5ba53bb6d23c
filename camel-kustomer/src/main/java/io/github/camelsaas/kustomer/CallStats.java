package io.github.camelsaas.kustomer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one exchange's calls did, gathered from any thread: how many requests were sent, the last rate-limit remaining
 * seen, the bulk jobs answered, and the first 401 (which fails the whole exchange with a clear error).
 */
final class CallStats {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Integer> rateLimitRemaining = new AtomicReference<>();
    private final AtomicReference<KustomerAuthenticationException> unauthorized = new AtomicReference<>();
    private final List<String> bulkJobIds = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    void requestSent() {
        requests.incrementAndGet();
    }

    int requests() {
        return requests.get();
    }

    void rateLimitRemaining(Integer remaining) {
        if (remaining != null) {
            rateLimitRemaining.set(remaining);
        }
    }

    Integer rateLimitRemaining() {
        return rateLimitRemaining.get();
    }

    void unauthorized(KustomerAuthenticationException exception) {
        unauthorized.compareAndSet(null, exception);
    }

    KustomerAuthenticationException unauthorized() {
        return unauthorized.get();
    }

    synchronized void bulkJob(String id) {
        if (id != null) {
            bulkJobIds.add(id);
        }
    }

    synchronized List<String> bulkJobIds() {
        return List.copyOf(bulkJobIds);
    }

    /** Takes over what a shared batch call saw (coalesced creates): its rate-limit state, jobs and 401. */
    void absorb(CallStats batch) {
        rateLimitRemaining(batch.rateLimitRemaining());
        if (batch.unauthorized() != null) {
            unauthorized(batch.unauthorized());
        }
        batch.bulkJobIds().forEach(this::bulkJob);
        requests.addAndGet(batch.requests());
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
