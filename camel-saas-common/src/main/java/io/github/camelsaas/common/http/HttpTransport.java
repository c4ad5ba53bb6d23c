package io.github.camelsaas.common.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;

import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.redact.SecretRegistry;

/**
 * Sends HTTP requests without ever blocking a thread on the network: {@link #send(SaasHttpRequest)} returns at
 * once and the future completes on one of the client's I/O threads when the response is in. Dependent stages
 * therefore run on an I/O thread and must not block; use the {@code *Async} variants for slow work.
 *
 * <p>Built on Apache HttpClient 5's async client with a connection pool. Every request asks for gzip
 * ({@code Accept-Encoding: gzip}) and gzip or deflate responses arrive decompressed; request bodies at or above
 * the configured threshold are sent gzipped. Any status, 4xx and 5xx included, completes the future normally;
 * only a request that got no response completes it with an {@link HttpTransportException}. The client never
 * retries or follows redirects by itself.
 *
 * <p>One transport per component instance: {@link #start()} when the component starts, {@link #close()} when it
 * stops. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {

    private enum State {
        NEW, STARTED, CLOSED
    }

    /** Bounds how long {@link #close()} lets the I/O reactor wind down. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final HttpTransportOptions options;
    private final PoolingAsyncClientConnectionManager pool;
    private final CloseableHttpAsyncClient client;
    private final RequestCompression compression;
    private final TransportFailures failures;
    private final ExchangeLog log;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    /**
     * Exchanges not yet completed. Closing the client does not call back for them, so {@link #close()} fails
     * them itself: a caller must never wait on a future that nothing will complete.
     */
    private final Map<CompletableFuture<SaasHttpResponse>, SaasHttpRequest> inFlight = new ConcurrentHashMap<>();

    /** A transport without registered secrets: rule-based redaction still applies to its logs and messages. */
    public HttpTransport(HttpTransportOptions options) {
        this(options, new SecretRegistry());
    }

    /**
     * @param options how to connect
     * @param secrets the component's secret values, masked in every log line and exception message
     */
    public HttpTransport(HttpTransportOptions options, SecretRegistry secrets) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(secrets, "secrets");
        this.pool = AsyncClientFactory.pool(options);
        this.client = AsyncClientFactory.create(options, pool);
        this.compression = new RequestCompression(options);
        this.failures = new TransportFailures(secrets, options.responseTimeout());
        this.log = new ExchangeLog(secrets);
    }

    public HttpTransportOptions options() {
        return options;
    }

    /** Starts the I/O threads. Idempotent. */
    public void start() {
        if (state.get() == State.CLOSED) {
            throw new IllegalStateException("transport is closed");
        }
        if (state.compareAndSet(State.NEW, State.STARTED)) {
            client.start();
        }
    }

    public boolean isStarted() {
        return state.get() == State.STARTED;
    }

    /**
     * Sends a request.
     *
     * @return                       a future completed with the response whatever its status, or exceptionally
     *                               with an {@link HttpTransportException} when no response arrived; cancelling it
     *                               aborts the exchange (its connection may stay leased until the server's
     *                               answer ends: a race inside the async client)
     * @throws IllegalStateException when the transport is not started; a {@link StoppedException} (an
     *                               IllegalStateException saying the request was not sent) when it is closed
     */
    public CompletableFuture<SaasHttpResponse> send(SaasHttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (state.get() == State.CLOSED) {
            // the component stopped: the caller reports the record as not sent (so safe to send again)
            throw new StoppedException("transport is closed (component stopped); the request was not sent");
        }
        if (state.get() != State.STARTED) {
            throw new IllegalStateException(
                    "transport is " + state.get().name().toLowerCase(Locale.ROOT) + ", not started");
        }
        SimpleHttpRequest httpRequest = toClientRequest(request);
        CompletableFuture<SaasHttpResponse> result = new CompletableFuture<>();
        inFlight.put(result, request);
        result.whenComplete((response, failure) -> inFlight.remove(result));
        if (state.get() == State.CLOSED) {
            // close() ran between the check above and the registration, and may have missed this exchange; it
            // was never handed to the client, so it certainly was not sent
            result.completeExceptionally(
                    new StoppedException("transport is closed (component stopped); the request was not sent"));
            return result;
        }
        long startNanos = System.nanoTime();
        try {
            Future<SimpleHttpResponse> exchange = client.execute(SimpleRequestProducer.create(httpRequest),
                    SimpleResponseConsumer.create(), new Completion(request, result, startNanos));
            result.whenComplete((response, failure) -> {
                // cancelled by the caller, or failed by close(): abort the exchange so its connection is freed
                // (a no-op when the client itself failed it)
                if (failure != null) {
                    exchange.cancel(true);
                }
            });
        } catch (RuntimeException e) {
            // the client refuses synchronously only when it is shutting down
            fail(request, result, e, startNanos);
        }
        return result;
    }

    /** Closes the pool and stops the I/O threads; requests still in flight complete exceptionally. Idempotent. */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) {
            return;
        }
        // by the time a component stops, Camel has drained its exchanges: what is left is abandoned. Its
        // connections are closed at once (an exchange waiting for its answer would hold a graceful shutdown)
        inFlight.forEach((future, request) -> future.completeExceptionally(failures.cancelled(request)));
        pool.close(CloseMode.IMMEDIATE);
        // then the I/O threads wind down by themselves before the client is closed: closing the selectors under
        // running I/O threads makes HttpClient log ConcurrentModificationException and ClosedSelectorException at
        // ERROR on every stop
        client.initiateShutdown();
        try {
            client.awaitShutdown(TimeValue.of(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close(CloseMode.IMMEDIATE);
        // any exchange the client dropped without calling back
        inFlight.forEach((future, request) -> future.completeExceptionally(failures.cancelled(request)));
    }

    private SimpleHttpRequest toClientRequest(SaasHttpRequest request) {
        SimpleHttpRequest httpRequest = SimpleHttpRequest.create(request.method(), request.uri());
        for (SaasHttpHeader header : request.headers()) {
            if (MaskedHeader.isCredential(header.name(), header.value())) {
                httpRequest.addHeader(new MaskedHeader(header.name(), header.value()));
            } else {
                httpRequest.addHeader(header.name(), header.value());
            }
        }
        if (request.header(HttpHeaders.ACCEPT_ENCODING) == null) {
            // set explicitly rather than relying on the client's default, which also offers deflate and x-gzip
            httpRequest.addHeader(HttpHeaders.ACCEPT_ENCODING, "gzip");
        }
        byte[] body = request.bodyBytes();
        if (body != null) {
            ContentType contentType = ContentType.parse(request.contentType());
            if (compression.shouldCompress(body)) {
                httpRequest.addHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                httpRequest.setBody(RequestCompression.gzip(body), contentType);
            } else {
                httpRequest.setBody(body, contentType);
            }
        }
        log.sending(request, sentHeaders(httpRequest, request), body);
        return httpRequest;
    }

    private static List<SaasHttpHeader> sentHeaders(SimpleHttpRequest httpRequest, SaasHttpRequest request) {
        List<SaasHttpHeader> headers = new ArrayList<>();
        for (Header header : httpRequest.getHeaders()) {
            headers.add(new SaasHttpHeader(header.getName(), header.getValue()));
        }
        if (request.hasBody()) {
            headers.add(new SaasHttpHeader(HttpHeaders.CONTENT_TYPE, request.contentType()));
        }
        return headers;
    }

    private void fail(SaasHttpRequest request, CompletableFuture<SaasHttpResponse> result, Throwable failure,
                      long startNanos) {
        HttpTransportException exception = failures.classify(request, failure);
        log.failed(exception, elapsedMillis(startNanos));
        result.completeExceptionally(exception);
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Completes the caller's future from the client's callback, on an I/O thread. */
    private final class Completion implements FutureCallback<SimpleHttpResponse> {
        private final SaasHttpRequest request;
        private final CompletableFuture<SaasHttpResponse> result;
        private final long startNanos;

        Completion(SaasHttpRequest request, CompletableFuture<SaasHttpResponse> result, long startNanos) {
            this.request = request;
            this.result = result;
            this.startNanos = startNanos;
        }

        @Override
        public void completed(SimpleHttpResponse httpResponse) {
            SaasHttpResponse response;
            try {
                response = ResponseMapping.toSaasResponse(httpResponse);
            } catch (RuntimeException e) {
                fail(request, result, e, startNanos);
                return;
            }
            log.received(request, response, elapsedMillis(startNanos));
            result.complete(response);
        }

        @Override
        public void failed(Exception failure) {
            fail(request, result, failure, startNanos);
        }

        @Override
        public void cancelled() {
            result.completeExceptionally(failures.cancelled(request));
        }
    }
}
