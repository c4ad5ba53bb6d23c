package io.github.camelsaas.common.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.async.AsyncSemaphore;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.Grant;
import io.github.camelsaas.common.retry.Retrier;

/**
 * The one way both components send a call. Each attempt takes the call's rate-limit permits, then a slot under
 * the concurrency cap, builds its request, sends it, lets the vendor's {@link RateLimitFeedback} read the answer,
 * ends its permits' grants (sent: their slots free a window after this answer; never sent: given back) and gives
 * the concurrency slot back; the {@link Retrier} decides whether to go again, and each retry takes fresh permits.
 * No step blocks a thread: every wait is a future.
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
        Attempt attempt = new Attempt();
        return acquirePermits(call.permitsBeforeSlot(), 0, attempt)
                .thenCompose(ignored -> concurrency.acquire())
                .thenCompose(slot -> sendHoldingSlot(call, attempt))
                // a permit taken before a failure that kept the request from leaving is given back here
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        attempt.tellNoAnswer(feedback);
                    }
                    attempt.endGrants(failure);
                })
                .exceptionallyCompose(failure -> FutureFailures.unwrap(failure) instanceof StaleGrants
                        ? attempt(call) // given back unsent: the same attempt, granted anew
                        : CompletableFuture.failedFuture(failure));
    }

    /** The request is built first (a token fetch must not sit between a permit and its send). */
    private CompletableFuture<SaasHttpResponse> sendHoldingSlot(ApiCall call, Attempt attempt) {
        CompletableFuture<SaasHttpResponse> response;
        try {
            response = call.request().get()
                    .thenCompose(request -> acquirePermits(call.permits(), 0, attempt).thenApply(ignored -> request))
                    .thenCompose(request -> {
                        if (closed) {
                            // the permit came after the owner stopped: nothing may leave after a stop
                            throw new StoppedException(owner + " stopped while a request was waiting for a "
                                    + "rate-limit permit; the request was not sent");
                        }
                        if (!attempt.grantsStillSendable()) {
                            throw new StaleGrants();
                        }
                        call.onAttempt().run();
                        requestsSent.increment();
                        CompletableFuture<SaasHttpResponse> exchange = transport.send(request);
                        attempt.sent = true;
                        return exchange;
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
                } else {
                    attempt.tellNoAnswer(feedback);
                }
            } finally {
                // after the feedback, so a call waiting for these slots already sees a pause the answer announced
                attempt.endGrants(failure);
                concurrency.release();
            }
        });
    }

    private static CompletableFuture<Void> acquirePermits(List<Permit> permits, int from, Attempt attempt) {
        if (from == permits.size()) {
            return CompletableFuture.completedFuture(null);
        }
        Permit permit = permits.get(from);
        return permit.limiter().acquire(permit.key(), permit.count()).thenCompose(grant -> {
            attempt.grants.add(grant);
            return acquirePermits(permits, from + 1, attempt);
        });
    }

    /** The grants of an attempt that waited too long after them to send under them; internal to {@link #attempt}. */
    private static final class StaleGrants extends RuntimeException {
        StaleGrants() {
            super("the attempt's rate-limit grants are too old to send under", null, false, false);
        }
    }

    /** The grants one attempt holds, and whether its request left: that decides how they end. */
    private static final class Attempt {
        final List<Grant> grants = new CopyOnWriteArrayList<>();
        volatile boolean sent;
        private boolean toldNoAnswer;

        boolean grantsStillSendable() {
            long now = System.currentTimeMillis();
            return grants.stream().allMatch(grant -> grant.sendableAt(now));
        }

        /** Once, and only for grants taken: the feedback counts this JVM's calls in flight. */
        synchronized void tellNoAnswer(RateLimitFeedback feedback) {
            if (toldNoAnswer || grants.isEmpty()) {
                return;
            }
            toldNoAnswer = true;
            feedback.onNoAnswer(grants.stream().map(grant -> new Permit(grant.limiter(), grant.key(),
                    grant.permits())).toList());
        }

        /**
         * Sent (even if it failed: it may have reached the server): the slots free a window from now. Never handed
         * to the network, or refused by a stopped transport before it left: given back. Idempotent.
         */
        void endGrants(Throwable failure) {
            boolean left = sent && !(FutureFailures.unwrap(failure) instanceof StoppedException);
            for (Grant grant : grants) {
                if (left) {
                    grant.completed();
                } else {
                    grant.notSent();
                }
            }
        }
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
    long requestsSent() {
        return requestsSent.sum();
    }

    /** 429 answers received so far. */
    long tooManyRequests() {
        return tooManyRequests.sum();
    }
}
