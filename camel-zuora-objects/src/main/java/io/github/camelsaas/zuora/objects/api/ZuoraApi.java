package io.github.camelsaas.zuora.objects.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.call.ApiCall;
import io.github.camelsaas.common.call.ApiCaller;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.SaasHttpHeader;
import io.github.camelsaas.common.http.SaasHttpRequest;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.json.JsonResponseException;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryClassifier;
import io.github.camelsaas.common.retry.RetryDecision;
import io.github.camelsaas.zuora.objects.ZuoraApiException;
import io.github.camelsaas.zuora.objects.ZuoraAuthenticationException;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;
import io.github.camelsaas.zuora.objects.auth.AccessToken;

/**
 * How an endpoint calls Zuora. Each call takes a slot under the tenant's concurrency cap and the tenant's
 * rate-limit permit (which waits out a pause Zuora asked for), goes out with the current token and Zuora's
 * headers, and is retried by the endpoint's retry policy (see {@link ZuoraHeaders#RETRY_RULES}). A 401 invalidates the token the
 * call used and the call is replayed once with a new token; a second 401 (or any 401 with a fixed access token)
 * fails with a {@link ZuoraAuthenticationException}. Futures complete on the component's worker threads.
 */
public final class ZuoraApi implements AutoCloseable {

    private final ZuoraTenant tenant;
    private final ApiCaller caller;
    private final Retrier retrier;
    private final String baseUrl;
    private final List<SaasHttpHeader> fixedHeaders;
    private final Executor workers;
    private final JsonRecords json;
    private final SecretRegistry secrets;

    /** The answer to one call and the token it was sent with. */
    private record Answer(SaasHttpResponse response, AccessToken token) {
    }

    /**
     * @param retrier owned by this API (closed with it): the endpoint's retry policy
     */
    public ZuoraApi(ZuoraTenant tenant, HttpTransport transport, Retrier retrier,
                    ZuoraObjectsConfiguration configuration, Executor workers, JsonRecords json,
                    SecretRegistry secrets) {
        this.tenant = tenant;
        this.retrier = retrier;
        this.caller = new ApiCaller(retrier.name(), transport, tenant.concurrency(), retrier, tenant.feedback());
        this.baseUrl = tenant.key().baseUrl();
        this.fixedHeaders = zuoraHeaders(configuration);
        this.workers = workers;
        this.json = json;
        this.secrets = secrets;
    }

    private static List<SaasHttpHeader> zuoraHeaders(ZuoraObjectsConfiguration configuration) {
        List<SaasHttpHeader> headers = new ArrayList<>();
        headers.add(new SaasHttpHeader("Accept", "application/json"));
        addIfSet(headers, "Zuora-Entity-Ids", configuration.getEntityIds());
        addIfSet(headers, "Zuora-Org-Ids", configuration.getOrgIds());
        addIfSet(headers, "Zuora-Version", configuration.getZuoraVersion());
        return List.copyOf(headers);
    }

    private static void addIfSet(List<SaasHttpHeader> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.add(new SaasHttpHeader(name, value.strip()));
        }
    }

    public JsonRecords json() {
        return json;
    }

    public SecretRegistry secrets() {
        return secrets;
    }

    /**
     * Sends a call and completes with Zuora's final answer, whatever its status except 401; completes
     * exceptionally with a {@link ZuoraAuthenticationException}, an
     * {@link io.github.camelsaas.common.http.HttpTransportException} (no answer) or a
     * {@link io.github.camelsaas.common.async.StoppedException} (not sent because the component stopped).
     */
    public CompletableFuture<SaasHttpResponse> send(ZuoraRequest request, CallContext call) {
        return send(request, call, ZuoraHeaders.RETRY_RULES.classifier(request.idempotent()));
    }

    /**
     * As {@link #send(ZuoraRequest, CallContext)}, but sent once, without retries (a refused token is still
     * replaced once): for an operation that runs its own retry loop on the endpoint's policy, so that one budget of
     * attempts and time covers the whole operation, never one budget inside another.
     */
    public CompletableFuture<SaasHttpResponse> sendOnce(ZuoraRequest request, CallContext call) {
        return send(request, call, (response, failure, attempt) -> RetryDecision.done());
    }

    private CompletableFuture<SaasHttpResponse> send(ZuoraRequest request, CallContext call,
                                                     RetryClassifier<SaasHttpResponse> retries) {
        return attempt(request, call, retries)
                .thenCompose(first -> {
                    if (first.response().status() != 401) {
                        return CompletableFuture.completedFuture(first.response());
                    }
                    if (first.token() == null || !tenant.tokens().invalidate(first.token())) {
                        throw unauthorized(request, first.response(), "a fixed accessToken cannot be refreshed: "
                                + "renew it, or use clientId and clientSecret");
                    }
                    return attempt(request, call, retries).thenApply(second -> {
                        if (second.response().status() == 401) {
                            throw unauthorized(request, second.response(), "it did so again after a new token "
                                    + "was fetched: check that the OAuth client may use custom objects");
                        }
                        return second.response();
                    });
                })
                .handleAsync((response, failure) -> {
                    if (failure != null) {
                        if (FutureFailures.unwrap(failure) instanceof ZuoraAuthenticationException refused
                                && !refused.isTokenUnavailable()) {
                            // the credentials or the token were refused: the whole message fails with this
                            call.authenticationFailed(refused);
                        }
                        throw failure instanceof CompletionException completion ? completion
                                : new CompletionException(failure);
                    }
                    return response;
                }, workers);
    }

    /**
     * Sends a call whose answer must be a 2xx JSON object, and reads it.
     *
     * @return completes exceptionally with a {@link ZuoraApiException} for any other answer
     */
    public CompletableFuture<Map<String, Object>> sendForObject(ZuoraRequest request, CallContext call) {
        return send(request, call).thenApply(response -> readObject(request, requireSuccess(request, response)));
    }

    /**
     * As {@link #sendForObject}, for a read of one thing that may not exist: completes with null when Zuora answers
     * 404, which is how a route asks whether a record or a definition exists.
     */
    public CompletableFuture<Map<String, Object>> sendForObjectOrNull(ZuoraRequest request, CallContext call) {
        return send(request, call).thenApply(response -> response.status() == 404 ? null
                : readObject(request, requireSuccess(request, response)));
    }

    /** @throws ZuoraApiException when the answer is not a 2xx */
    public SaasHttpResponse requireSuccess(ZuoraRequest request, SaasHttpResponse response) {
        if (response.isSuccessful()) {
            return response;
        }
        ZuoraError error = ZuoraError.of(response, json);
        String described = error.describe(secrets);
        throw new ZuoraApiException(request + " answered " + response.status()
                + (described.isEmpty() ? "" : " (" + described + ")")
                + requestIdSuffix(response), response.status(), error.code(), response.header(ZuoraHeaders.REQUEST_ID),
                null);
    }

    /** Reads a 2xx answer that must be a JSON object. */
    public Map<String, Object> readObject(ZuoraRequest request, SaasHttpResponse response) {
        return readObject(request, response, false);
    }

    /**
     * As {@link #readObject(ZuoraRequest, SaasHttpResponse)}; {@code compactly} reads it smaller in memory (same
     * values), for an answer whose records are kept, such as created records returned as the body.
     */
    public Map<String, Object> readObject(ZuoraRequest request, SaasHttpResponse response, boolean compactly) {
        try {
            return compactly ? json.readObjectCompactly(response.body()) : json.readObject(response.body());
        } catch (JsonResponseException e) {
            throw new ZuoraApiException(request + " answered " + response.status() + " with a body that is not "
                    + "the JSON object expected: " + secrets.redact(e.getMessage()), response.status(), null,
                    response.header(ZuoraHeaders.REQUEST_ID), e);
        }
    }

    private CompletableFuture<Answer> attempt(ZuoraRequest request, CallContext call,
                                              RetryClassifier<SaasHttpResponse> retries) {
        AtomicReference<AccessToken> used = new AtomicReference<>();
        ApiCall.Builder builder = ApiCall.builder()
                .permit(tenant.permit())
                .request(() -> tenant.tokens().token()
                        .thenApply(token -> {
                            used.set(token);
                            return toHttp(request, call, token);
                        }))
                .classifier(retries)
                .onAttempt(call::requestSent);
        return caller.call(builder.build()).thenApply(response -> {
            call.answered(response);
            return new Answer(response, used.get());
        });
    }

    private SaasHttpRequest toHttp(ZuoraRequest request, CallContext call, AccessToken token) {
        SaasHttpRequest.Builder http = SaasHttpRequest.builder(request.method(),
                URI.create(baseUrl + request.pathAndQuery()));
        http.header("Authorization", token.authorization());
        fixedHeaders.forEach(header -> http.header(header.name(), header.value()));
        if (call.trackId() != null) {
            http.header(ZuoraHeaders.TRACK_ID, call.trackId());
        }
        if (request.body() != null) {
            http.body(request.body(), request.contentType());
        }
        return http.build();
    }

    private ZuoraAuthenticationException unauthorized(ZuoraRequest request, SaasHttpResponse response,
                                                      String advice) {
        ZuoraError error = ZuoraError.of(response, json);
        String described = error.describe(secrets);
        return new ZuoraAuthenticationException("Zuora refused the access token on " + request + " (401"
                + (described.isEmpty() ? "" : " " + described) + "); " + advice + requestIdSuffix(response), 401,
                error.code(), response.header(ZuoraHeaders.REQUEST_ID), null);
    }

    private static String requestIdSuffix(SaasHttpResponse response) {
        String requestId = response.header(ZuoraHeaders.REQUEST_ID);
        return requestId == null ? "" : " [Zuora-Request-Id " + requestId + "]";
    }

    /**
     * Fails calls waiting for a retry, and calls waiting for the tenant's permit, pause or token (the tenant is
     * shared with endpoints still running and closed by the component) when that wait ends: nothing is sent after
     * the producer stopped.
     */
    @Override
    public void close() {
        caller.close();
        retrier.close();
    }
}
