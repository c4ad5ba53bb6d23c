package io.github.camelsaas.common.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsaas.common.async.AsyncSemaphore;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.retry.Retrier;

/**
 * The one way both components send a call. Each attempt takes the call's rate-limit permits, then a slot under
 * the concurrency cap, builds its request, sends it, gives the slot back, and lets the vendor's
 * {@link RateLimitFeedback} read the answer; the {@link Retrier} decides whether to go again. No step blocks a
 * thread: every wait is a future.
 *
 * <p>{@link #close()} is the owner's stop: a call that is past its slot but still waiting for a permit or a token
 * (which may belong to limiters shared with endpoints still running, so they are not closed with it) fails with a
 * {@link StoppedException} when that wait ends, instead of being sent after its owner stopped.
 */
public final class ApiCaller implements AutoCloseable {

    private final String owner;
    private final HttpTransport transport;
    private final AsyncSemaphore concurrency;
    private final Retrier retrier;
    private final RateLimitFeedback feedback;
    private final LongAdder requestsSent = new LongAdder();
    private final LongAdder tooManyRequests = new LongAdder();
    private volatile boolean closed;

    /**
     * @param owner named in the error of a call failed by {@link #close()}, e.g. "kustomer:customers"
     */
    public ApiCaller(String owner, HttpTransport transport, AsyncSemaphore concurrency, Retrier retrier,
                     RateLimitFeedback feedback) {
        this.owner = owner;
        this.transport = transport;
        this.concurrency = concurrency;
        this.retrier = retrier;
        this.feedback = feedback;
    }

    /** Completes with the final answer (which may be an error status), or the transport's last failure. */
    public CompletableFuture<SaasHttpResponse> call(ApiCall call) {
        return retrier.execute(() -> attempt(call), call.classifier());
    }

    private CompletableFuture<SaasHttpResponse> attempt(ApiCall call) {
        return acquirePermits(call.permitsBeforeSlot(), 0)
                .thenCompose(ignored -> concurrency.acquire())
                .thenCompose(slot -> sendHoldingSlot(call));
    }

    /** The request is built first (a token fetch must not sit between a permit and its send). */
    private CompletableFuture<SaasHttpResponse> sendHoldingSlot(ApiCall call) {
        CompletableFuture<SaasHttpResponse> response;
        try {
            response = call.request().get()
                    .thenCompose(request -> acquirePermits(call.permits(), 0).thenApply(ignored -> request))
                    .thenCompose(request -> {
                        if (closed) {
                            // the permit came after the owner stopped: nothing may leave after a stop
                            throw new StoppedException(owner + " stopped while a request was waiting for a "
                                    + "rate-limit permit; the request was not sent");
                        }
                        call.onAttempt().run();
                        requestsSent.increment();
                        return transport.send(request);
                    });
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.whenComplete((answer, failure) -> {
            try {
                if (answer != null) {
                    if (answer.status() == 429) {
                        tooManyRequests.increment();
                    }
                    feedback.onResponse(answer, call.allPermits());
                }
            } finally {
                // released after the feedback, so the call that takes this slot already sees a pause it announced
                concurrency.release();
            }
        });
    }

    private static CompletableFuture<Void> acquirePermits(List<Permit> permits, int from) {
        if (from == permits.size()) {
            return CompletableFuture.completedFuture(null);
        }
        Permit permit = permits.get(from);
        return permit.limiter().acquire(permit.key(), permit.count()).thenCompose(ignored -> acquirePermits(permits, from + 1));
    }

    /**
     * From now on no request of this caller is sent: those waiting for a permit or a token fail with a
     * {@link StoppedException} when their wait ends; calls already sent finish normally. Closes neither the
     * transport, the concurrency cap nor the retrier (their owners do). Idempotent.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** Requests sent so far by this caller, retries included. */
    public long requestsSent() {
        return requestsSent.sum();
    }

    /** 429 answers received so far. */
    public long tooManyRequests() {
        return tooManyRequests.sum();
    }
}
