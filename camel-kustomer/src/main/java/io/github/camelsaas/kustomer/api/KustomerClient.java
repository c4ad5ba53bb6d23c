package io.github.camelsaas.kustomer.api;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.camelsaas.common.async.AsyncSemaphore;
import io.github.camelsaas.common.call.ApiCall;
import io.github.camelsaas.common.call.ApiCaller;
import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.SaasHttpRequest;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryClassifier;
import io.github.camelsaas.common.retry.RetryDecision;
import io.github.camelsaas.common.retry.RetryPolicy;
import io.github.camelsaas.kustomer.KustomerAuthenticationException;

/**
 * One endpoint's way to Kustomer: every call gets the bearer key, the customers' permits it needs (admission before
 * the slot, the grant itself in the slot) and the org permit, a slot under the org's concurrency cap, and the
 * standard retries (429 and connection failures always, 5xx and lost answers for idempotent calls). Answers are
 * handed on on the component's workers, never on HTTP I/O threads (but to a reader that waits on its own thread:
 * {@link #sendForWaitingReader}).
 */
public final class KustomerClient implements AutoCloseable {

    private final String baseUrl;
    private final String authorization;
    private final OrgThrottle throttle;
    private final AsyncSemaphore concurrency;
    private final Retrier retrier;
    private final ApiCaller caller;
    private final JsonRecords json;
    private final SecretRegistry secrets;
    private final Executor workers;

    public KustomerClient(String name, String baseUrl, String apiKey, OrgThrottle throttle, HttpTransport transport,
                          SaasRuntime runtime, RetryPolicy retryPolicy) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiKey;
        this.throttle = throttle;
        this.workers = runtime.workers();
        this.concurrency = throttle.concurrency();
        this.retrier = new Retrier(name, retryPolicy, runtime.scheduler());
        this.caller = new ApiCaller(name, transport, concurrency, retrier, throttle);
        this.json = runtime.json();
        this.secrets = runtime.secrets();
    }

    /**
     * Sends a call; completes on a worker with Kustomer's final answer (an error status included), or with the last
     * transport failure, or a StoppedException when the endpoint stopped while the call waited.
     */
    public CompletableFuture<KustomerResponse> send(KustomerRequest request, CallStats stats) {
        return send(request, stats, KustomerHeaders.RETRY_RULES.classifier(request.idempotent()), workers);
    }

    /**
     * Sends a call as {@link #send} does, but completes on the thread that received the answer rather than on the
     * component's workers: for a reader that waits for the answer on its own thread (a streaming list's Iterator,
     * which runs wherever the route runs, often on a worker). Were it to wait for a worker, readers on every worker
     * would wait for each other for ever.
     */
    public CompletableFuture<KustomerResponse> sendForWaitingReader(KustomerRequest request, CallStats stats) {
        return send(request, stats, KustomerHeaders.RETRY_RULES.classifier(request.idempotent()), Runnable::run);
    }

    /**
     * Sends a call once, without retries: for an operation that runs its own retry loop on the endpoint's policy
     * ({@link #retrier()}), so that one budget of attempts and time covers every step (a lookup, a create), never
     * one budget inside another.
     */
    public CompletableFuture<KustomerResponse> sendOnce(KustomerRequest request, CallStats stats) {
        return send(request, stats, (response, failure, attempt) -> RetryDecision.done(), workers);
    }

    private CompletableFuture<KustomerResponse> send(KustomerRequest request, CallStats stats,
                                                     RetryClassifier<SaasHttpResponse> retries, Executor handOff) {
        ApiCall.Builder call = ApiCall.builder();
        request.customerPermits().forEach((customer, count) ->
                call.permitBeforeSlot(throttle.customerAdmission(customer, count)));
        // in the slot, the org permit first (it may wait for other endpoints' calls), then the customers' grants
        // (their admission already spaced them, so these come at once): a customer grant is recorded right before
        // the send, never a whole org wait earlier
        call.permit(throttle.orgPermit());
        request.customerPermits().forEach((customer, count) ->
                call.permit(throttle.customerCreates(customer, count)));
        ApiCall apiCall = call
                .request(toHttpRequest(request))
                .classifier(retries)
                .onAttempt(stats::requestSent)
                .build();
        CompletableFuture<KustomerResponse> answer;
        try {
            answer = caller.call(apiCall).thenApply(response -> new KustomerResponse(response, json, secrets));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.whenCompleteAsync((response, failure) -> {
            if (response != null) {
                stats.rateLimitRemaining(response.rateLimitRemaining());
                if (response.status() == 401) {
                    stats.authenticationFailed(KustomerAuthenticationException.of(request, response.error()));
                }
            }
        }, handOff);
    }

    /**
     * JSON, and for a delete also text/plain: Kustomer's description answers a delete 204 as text/plain, and a strict
     * server may refuse an Accept that admits none of the documented types (its errors stay JSON).
     */
    private static String acceptFor(String method) {
        return "DELETE".equalsIgnoreCase(method) ? "application/json, text/plain" : "application/json";
    }

    private SaasHttpRequest toHttpRequest(KustomerRequest request) {
        URI uri = URI.create(baseUrl + request.path().path() + (request.query() == null ? "" : "?" + request.query()));
        SaasHttpRequest.Builder http = SaasHttpRequest.builder(request.method(), uri)
                .header("Authorization", authorization)
                .header("Accept", acceptFor(request.method()));
        if (request.body() != null) {
            http.body(request.body(), "application/json");
        }
        return http.build();
    }

    /**
     * Runs an operation-level retry loop (a create made safe by looking up its external id) on the same policy; its
     * steps are sent with {@link #sendOnce}.
     */
    public Retrier retrier() {
        return retrier;
    }

    public JsonRecords json() {
        return json;
    }

    public OrgThrottle throttle() {
        return throttle;
    }

    /**
     * Fails the calls waiting for a retry with a StoppedException, and those waiting for a slot or the org permit
     * (the org's cap and limiter are the component's, shared with endpoints still running) when that wait ends:
     * nothing is sent after the producer stopped. Calls in flight finish.
     */
    @Override
    public void close() {
        caller.close();
        retrier.close();
    }

    @Override
    public String toString() {
        // never the authorization value
        return "KustomerClient[" + baseUrl + "]";
    }
}
