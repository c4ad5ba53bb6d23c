package io.github.camelsaas.common.component;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one exchange's calls did, gathered from any thread (an exchange's calls run concurrently): how many requests
 * were sent (retries and replays included), and the first authentication failure, which fails the whole exchange
 * with the component's authentication exception whatever the records' outcomes. A component adds what its vendor's
 * answers report (ids, rate-limit state).
 */
public class ExchangeCalls {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<RuntimeException> authenticationFailure = new AtomicReference<>();
    private final long startNanos = System.nanoTime();

    /** Counts a request about to be sent. */
    public void requestSent() {
        requests.incrementAndGet();
    }

    public int requestCount() {
        return requests.get();
    }

    /** Remembers the first authentication failure (the credentials were refused): no record can be written. */
    public void authenticationFailed(RuntimeException failure) {
        authenticationFailure.compareAndSet(null, failure);
    }

    /** The first authentication failure, or null. */
    public RuntimeException authenticationFailure() {
        return authenticationFailure.get();
    }

    public long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Takes over what a shared call's context saw (a coalesced batch, reported on each of its exchanges). */
    public void absorb(ExchangeCalls batch) {
        requests.addAndGet(batch.requestCount());
        if (batch.authenticationFailure() != null) {
            authenticationFailed(batch.authenticationFailure());
        }
    }
}
