package io.github.camelsaas.zuora.objects.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.zuora.objects.api.ZuoraHeaders;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.SaasHttpRequest;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.json.JsonResponseException;
import io.github.camelsaas.common.redact.Redaction;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.zuora.objects.ZuoraAuthenticationException;

/**
 * OAuth client credentials for one tenant: {@code POST /oauth/token}, the token cached and shared by every call
 * until it is due for refresh (see {@link RefreshSchedule}). Fetches are single-flight: callers that need a token
 * while one is being fetched wait for that same fetch, so a burst of calls never mints a token each (Zuora rate
 * limits its token endpoint per IP). A 401 on a data call {@linkplain #invalidate invalidates} the token it used.
 *
 * <p>Every token is registered with the {@link SecretRegistry} (and the one it replaces unregistered), so it is
 * masked wherever it might surface; the client id and secret are registered when this provider is made.
 */
public final class OAuthTokenProvider implements TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenProvider.class);
    static final String TOKEN_PATH = "/oauth/token";
    /** Zuora's tokens live an hour; assumed when an answer does not say. */
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;
    private static final int SHOWN_ERROR_LENGTH = 200;
    /** Ends the message of a passing token failure: what the caller's records became. */
    private static final String NOT_SENT = "; the request that needed the token was not sent";

    private final HttpTransport transport;
    private final URI tokenUri;
    private final byte[] form;
    private final long marginMillis;
    private final SecretRegistry secrets;
    private final Retrier retrier;
    private final Executor workers;
    private final JsonRecords json;
    private final LongSupplier clockMillis;

    /** The token handed out, null when due for refresh or refused. */
    private AccessToken cached;
    /** The last token fetched, refused or not: unregistered from the secrets when a new one replaces it. */
    private AccessToken lastIssued;
    private CompletableFuture<AccessToken> inFlight;
    private boolean closed;

    /**
     * @param baseUrl      the tenant's REST base URL, without trailing slash
     * @param marginMillis see {@link RefreshSchedule}
     * @param retrier      retries a fetch that did not reach the server, a 429 or a 5xx
     * @param workers      where answers are parsed, off the HTTP I/O threads
     */
    public OAuthTokenProvider(HttpTransport transport, String baseUrl, String clientId, String clientSecret,
                              long marginMillis, SecretRegistry secrets, Retrier retrier, Executor workers,
                              JsonRecords json, LongSupplier clockMillis) {
        this.transport = transport;
        this.tokenUri = URI.create(baseUrl + TOKEN_PATH);
        this.form = ("client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret)
                     + "&grant_type=client_credentials").getBytes(StandardCharsets.US_ASCII);
        this.marginMillis = marginMillis;
        this.secrets = secrets;
        this.retrier = retrier;
        this.workers = workers;
        this.json = json;
        this.clockMillis = clockMillis;
        // the client id is a secret option too: masked wherever it could surface (a TRACE body, an echo)
        secrets.register(clientId);
        secrets.register(clientSecret);
    }

    @Override
    public CompletableFuture<AccessToken> token() {
        CompletableFuture<AccessToken> fetch;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(stopped());
            }
            if (cached != null && cached.isFreshAt(clockMillis.getAsLong())) {
                return CompletableFuture.completedFuture(cached);
            }
            if (inFlight != null) {
                return inFlight.thenApply(token -> token);
            }
            fetch = new CompletableFuture<>();
            inFlight = fetch;
        }
        // started outside the lock: the transport may complete the fetch on this very thread
        fetchToken().whenComplete((token, failure) -> settle(fetch, token, failure));
        return fetch.thenApply(token -> token);
    }

    private void settle(CompletableFuture<AccessToken> fetch, AccessToken token, Throwable failure) {
        AccessToken replaced = null;
        synchronized (this) {
            if (inFlight == fetch) {
                inFlight = null;
            }
            if (failure == null && !closed) {
                replaced = lastIssued;
                lastIssued = token;
                cached = token;
            }
        }
        if (replaced != null && !replaced.value().equals(token.value())) {
            secrets.unregister(replaced.value());
        }
        if (failure == null) {
            fetch.complete(token);
        } else {
            fetch.completeExceptionally(FutureFailures.unwrap(failure));
        }
    }

    @Override
    public boolean invalidate(AccessToken refused) {
        synchronized (this) {
            if (cached != null && cached.value().equals(refused.value())) {
                LOG.debug("Zuora refused the cached OAuth token of {}; a new one will be fetched", tokenUri.getHost());
                cached = null;
            }
        }
        return true;
    }

    @Override
    public void close() {
        CompletableFuture<AccessToken> pending;
        synchronized (this) {
            closed = true;
            pending = inFlight;
            inFlight = null;
        }
        if (pending != null) {
            pending.completeExceptionally(stopped());
        }
    }

    private CompletableFuture<AccessToken> fetchToken() {
        long started = clockMillis.getAsLong();
        LOG.debug("Fetching an OAuth token from {}", tokenUri.getHost());
        SaasHttpRequest request = SaasHttpRequest.post(tokenUri, form, "application/x-www-form-urlencoded");
        return retrier.execute(() -> transport.send(request), ZuoraHeaders.RETRY_RULES.classifier(true))
                .handleAsync((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = FutureFailures.unwrap(failure);
                        throw new ZuoraAuthenticationException("Could not obtain an OAuth token from POST "
                                + TOKEN_PATH + ": " + secrets.redact(String.valueOf(cause.getMessage()))
                                + NOT_SENT, null, null, null, cause, true);
                    }
                    return parse(response, started);
                }, workers);
    }

    private AccessToken parse(SaasHttpResponse response, long startedMillis) {
        String requestId = response.header(ZuoraHeaders.REQUEST_ID);
        if (response.status() == 429 || response.status() >= 500) {
            // the endpoint is busy or down, not refusing the credentials: the retries are used up, a later call
            // may well get a token
            throw new ZuoraAuthenticationException("The OAuth token endpoint is unavailable: POST " + TOKEN_PATH
                    + " answered " + response.status() + describeError(response) + NOT_SENT, response.status(), null,
                    requestId, null, true);
        }
        if (response.status() != 200) {
            throw new ZuoraAuthenticationException("Zuora refused to issue an OAuth token: POST " + TOKEN_PATH
                    + " answered " + response.status() + describeError(response)
                    + "; check clientId, clientSecret and the environment or baseUrl", response.status(), null,
                    requestId, null);
        }
        Map<String, Object> answer;
        try {
            answer = json.readObject(response.body());
        } catch (JsonResponseException e) {
            throw new ZuoraAuthenticationException("The OAuth token answer is not the JSON expected: "
                    + secrets.redact(e.getMessage()), 200, null, requestId, e);
        }
        Object value = answer.get("access_token");
        if (!(value instanceof String token) || token.isBlank()) {
            throw new ZuoraAuthenticationException("The OAuth token answer holds no access_token", 200, null,
                    requestId, null);
        }
        secrets.register(token);
        long lifetimeMillis = lifetimeSeconds(answer.get("expires_in")) * 1000;
        long refreshAt = startedMillis + RefreshSchedule.useForMillis(lifetimeMillis, marginMillis);
        LOG.debug("Obtained an OAuth token for {} valid {} s, replaced after {} ms", tokenUri.getHost(),
                lifetimeMillis / 1000, refreshAt - startedMillis);
        return new AccessToken(token, refreshAt);
    }

    /** The OAuth error of a refused fetch, e.g. " (invalid_client: Invalid client id or secret)". */
    private String describeError(SaasHttpResponse response) {
        String text;
        try {
            Map<String, Object> error = json.readObject(response.body());
            Object code = error.getOrDefault("error", error.get("code"));
            Object description = error.getOrDefault("error_description", error.get("message"));
            text = (code == null ? "" : code + (description == null ? "" : ": ")) + (description == null ? "" : description);
        } catch (RuntimeException e) {
            text = response.bodyAsString();
        }
        text = secrets.redact(Redaction.redactText(text)).replaceAll("\\s+", " ").strip();
        if (text.length() > SHOWN_ERROR_LENGTH) {
            text = text.substring(0, SHOWN_ERROR_LENGTH) + "...";
        }
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    private static long lifetimeSeconds(Object expiresIn) {
        if (expiresIn instanceof Number number) {
            return number.longValue();
        }
        if (expiresIn instanceof String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                // fall through to the documented default
            }
        }
        return DEFAULT_LIFETIME_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static StoppedException stopped() {
        return new StoppedException("zuora-objects stopped while waiting for an OAuth token; the request was not sent");
    }

    @Override
    public String toString() {
        return "OAuthTokenProvider[" + tokenUri.getHost() + "]";
    }
}
