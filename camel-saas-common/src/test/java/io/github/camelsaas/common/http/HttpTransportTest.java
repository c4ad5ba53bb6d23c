package io.github.camelsaas.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.redact.SecretRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpTransportTest {

    private static final String JSON = "application/json";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()
                    // delayed responses are scheduled, not slept on a container thread, so 200 can be pending
                    .asynchronousResponseEnabled(true)
                    .asynchronousResponseThreads(10)
                    .containerThreads(30))
            .build();

    private HttpTransport transport;
    private final RefusingPort refusingPort = newRefusingPort();

    @AfterEach
    void closeTransport() throws IOException {
        if (transport != null) {
            transport.close();
        }
        refusingPort.close();
    }

    private static RefusingPort newRefusingPort() {
        try {
            return new RefusingPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpTransport started(HttpTransportOptions.Builder options) {
        return started(options, new SecretRegistry());
    }

    private HttpTransport started(HttpTransportOptions.Builder options, SecretRegistry secrets) {
        transport = new HttpTransport(options.userAgent("transport-test").build(), secrets);
        transport.start();
        return transport;
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(wm.baseUrl() + pathAndQuery);
    }

    private static SaasHttpResponse responseOf(CompletableFuture<SaasHttpResponse> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static HttpTransportException failureOf(CompletableFuture<SaasHttpResponse> future) {
        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> future.get(10, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOf(HttpTransportException.class);
        return (HttpTransportException) thrown.getCause();
    }

    /** A JSON object of exactly {@code length} bytes. */
    private static String jsonOfLength(int length) {
        String json = "{\"p\":\"" + "x".repeat(length - 8) + "\"}";
        assertThat(json.getBytes(UTF_8)).hasSize(length);
        return json;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void getArrivesAsSentAndTheResponseComesBack() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/customers"))
                .willReturn(okJson("{\"data\":[]}").withHeader("X-RateLimit-Remaining", "99")));
        started(HttpTransportOptions.builder());

        SaasHttpResponse response = responseOf(transport.send(SaasHttpRequest.builder("GET", uri("/v1/customers?page=2"))
                .header("X-Trace", "abc")
                .header("X-Multi", "one")
                .header("X-Multi", "two")
                .build()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isSuccessful()).isTrue();
        assertThat(response.header("x-ratelimit-remaining")).isEqualTo("99");
        assertThat(response.bodyAsString()).isEqualTo("{\"data\":[]}");
        wm.verify(getRequestedFor(urlEqualTo("/v1/customers?page=2"))
                .withHeader("X-Trace", equalTo("abc"))
                .withHeader("X-Multi", equalTo("one"))
                .withHeader("X-Multi", equalTo("two"))
                .withHeader("Accept-Encoding", equalTo("gzip"))
                .withHeader("User-Agent", equalTo("transport-test")));
    }

    @Test
    void postArrivesWithHeadersAndBodyAsSent() throws Exception {
        wm.stubFor(post("/v1/objects").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"o1\"}")));
        started(HttpTransportOptions.builder());
        String body = "{\"name\":\"Ada\",\"note\":null}";

        SaasHttpResponse response = responseOf(transport.send(
                SaasHttpRequest.builder("POST", uri("/v1/objects"))
                        .header("Authorization", "Bearer t0k3n-value")
                        .body(body.getBytes(UTF_8), JSON)
                        .build()));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"o1\"}");
        wm.verify(postRequestedFor(urlEqualTo("/v1/objects"))
                .withHeader("Authorization", equalTo("Bearer t0k3n-value"))
                .withHeader("Content-Type", equalTo(JSON))
                .withHeader("Content-Encoding", absent())
                .withRequestBody(equalTo(body)));
    }

    @Test
    void asksForGzipAndDecompressesAGzippedResponse() throws Exception {
        String plain = "{\"records\":[" + "{\"n\":1},".repeat(200) + "{\"n\":2}]}";
        wm.stubFor(get("/v1/big").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON)
                .withHeader("Content-Encoding", "gzip")
                .withBody(gzip(plain))));
        started(HttpTransportOptions.builder());

        SaasHttpResponse response = responseOf(transport.send(SaasHttpRequest.get(uri("/v1/big"))));

        assertThat(response.bodyAsString()).isEqualTo(plain);
        assertThat(response.header("Content-Encoding")).as("plain bytes are no longer gzip").isNull();
        assertThat(response.header("Content-Type")).isEqualTo(JSON);
        wm.verify(getRequestedFor(urlEqualTo("/v1/big")).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void bodyAtOrAboveTheThresholdIsSentGzipped() throws Exception {
        wm.stubFor(post("/v1/bulk").willReturn(ok()));
        started(HttpTransportOptions.builder());
        String json = "[" + "{\"name\":\"record\",\"value\":12.5},".repeat(100) + "{}]";

        responseOf(transport.send(SaasHttpRequest.post(uri("/v1/bulk"), json.getBytes(UTF_8), JSON)));

        // WireMock inflates gzip request bodies before matching, so the JSON match proves the round trip
        wm.verify(postRequestedFor(urlEqualTo("/v1/bulk"))
                .withHeader("Content-Encoding", equalTo("gzip"))
                .withRequestBody(equalToJson(json)));
        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/bulk"))).get(0);
        assertThat(Integer.parseInt(sent.getHeader("Content-Length")))
                .as("bytes on the wire").isLessThan(json.length() / 5);
    }

    @Test
    void thresholdIsInclusive() throws Exception {
        wm.stubFor(put("/v1/edge").willReturn(ok()));
        started(HttpTransportOptions.builder().gzipThresholdBytes(1024));

        responseOf(transport.send(SaasHttpRequest.put(uri("/v1/edge"), jsonOfLength(1023).getBytes(UTF_8), JSON)));
        responseOf(transport.send(SaasHttpRequest.put(uri("/v1/edge"), jsonOfLength(1024).getBytes(UTF_8), JSON)));

        List<LoggedRequest> sent = wm.findAll(putRequestedFor(urlEqualTo("/v1/edge")));
        assertThat(sent).extracting(r -> r.getHeader("Content-Encoding")).containsExactly(null, "gzip");
        assertThat(sent).extracting(r -> r.getBodyAsString().length()).containsExactly(1023, 1024);
    }

    @Test
    void compressionCanBeSwitchedOff() throws Exception {
        wm.stubFor(post("/v1/bulk").willReturn(ok()));
        started(HttpTransportOptions.builder().compressRequests(false));

        responseOf(transport.send(SaasHttpRequest.post(uri("/v1/bulk"), jsonOfLength(50_000).getBytes(UTF_8), JSON)));

        wm.verify(postRequestedFor(urlEqualTo("/v1/bulk"))
                .withHeader("Content-Encoding", absent())
                .withHeader("Content-Length", equalTo("50000")));
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        wm.stubFor(get("/v1/via-proxy").willReturn(ok("proxied")));
        started(HttpTransportOptions.builder().proxy("localhost", wm.getPort()));

        // .invalid never resolves: only a proxy can answer this
        SaasHttpResponse response = responseOf(transport.send(
                SaasHttpRequest.get(URI.create("http://api.vendor.invalid/v1/via-proxy"))));

        assertThat(response.bodyAsString()).isEqualTo("proxied");
        wm.verify(getRequestedFor(urlEqualTo("/v1/via-proxy")).withHeader("Host", equalTo("api.vendor.invalid")));
    }

    @Test
    void errorStatusesAreResponsesNotExceptions() throws Exception {
        wm.stubFor(get("/v1/missing").willReturn(aResponse().withStatus(404).withBody("{\"errors\":[]}")));
        wm.stubFor(get("/v1/limited").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        wm.stubFor(get("/v1/broken").willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
        started(HttpTransportOptions.builder());

        SaasHttpResponse missing = responseOf(transport.send(SaasHttpRequest.get(uri("/v1/missing"))));
        SaasHttpResponse limited = responseOf(transport.send(SaasHttpRequest.get(uri("/v1/limited"))));
        SaasHttpResponse broken = responseOf(transport.send(SaasHttpRequest.get(uri("/v1/broken"))));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isSuccessful()).isFalse();
        assertThat(missing.bodyAsString()).isEqualTo("{\"errors\":[]}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("retry-after")).isEqualTo("3");
        assertThat(broken.status()).isEqualTo(503);
        assertThat(broken.bodyAsString()).isEqualTo("<html>down</html>");
        // no automatic retry of the 429 or 503
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/limited")));
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/broken")));
    }

    @Test
    void connectionRefusedIsAConnectFailure() throws Exception {
        started(HttpTransportOptions.builder());
        URI closed = URI.create(refusingPort.baseUrl() + "/v1/objects?access_token=qs-secret-1");

        HttpTransportException failure = failureOf(transport.send(
                SaasHttpRequest.post(closed, "{}".getBytes(UTF_8), JSON)));

        assertThat(failure.isConnectFailure()).isTrue();
        assertThat(failure.isTimeout()).isFalse();
        assertThat(failure.method()).isEqualTo("POST");
        assertThat(failure.path()).isEqualTo("/v1/objects");
        assertThat(failure.getMessage()).startsWith("POST /v1/objects failed: could not connect")
                .doesNotContain("qs-secret-1", "access_token");
        assertThat(failure.getCause()).isInstanceOf(ConnectException.class);
    }

    @Test
    void responseTimeoutIsATimeoutButNotAConnectFailure() throws Exception {
        wm.stubFor(post("/v1/slow").willReturn(ok().withFixedDelay(5_000)));
        started(HttpTransportOptions.builder().responseTimeout(Duration.ofMillis(300)));
        long start = System.nanoTime();

        HttpTransportException failure = failureOf(transport.send(
                SaasHttpRequest.post(uri("/v1/slow"), "{}".getBytes(UTF_8), JSON)));

        assertThat(failure.isConnectFailure()).as("the server has the request").isFalse();
        assertThat(failure.isTimeout()).isTrue();
        assertThat(failure.getMessage()).startsWith("POST /v1/slow failed: no response within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void brokenConnectionsAreFailuresThatMayHaveReachedTheServer(Fault fault) {
        wm.stubFor(post("/v1/objects").willReturn(aResponse().withFault(fault)));
        started(HttpTransportOptions.builder());

        HttpTransportException failure = failureOf(transport.send(
                SaasHttpRequest.post(uri("/v1/objects"), "{}".getBytes(UTF_8), JSON)));

        assertThat(failure.isConnectFailure()).isFalse();
        assertThat(failure.getMessage()).startsWith("POST /v1/objects failed: ");
        assertThat(failure.getCause()).isNotNull();
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/objects"))); // sent once, never replayed by the client
    }

    @Test
    void manyConcurrentRequestsWaitWithoutAThreadEach() {
        wm.stubFor(get(urlPathEqualTo("/v1/slow")).willReturn(okJson("{}").withFixedDelay(3_000)));
        started(HttpTransportOptions.builder().maxConnections(200));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        long start = System.nanoTime();

        List<CompletableFuture<SaasHttpResponse>> futures = IntStream.range(0, 200)
                .mapToObj(i -> transport.send(SaasHttpRequest.get(uri("/v1/slow?i=" + i))))
                .toList();

        // had send() waited for an answer, the first one would be in: every answer takes 3 s
        assertThat(futures).as("send() returns without waiting for the response").noneMatch(CompletableFuture::isDone);
        AtomicInteger peakThreads = new AtomicInteger();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
            return futures.stream().allMatch(CompletableFuture::isDone);
        });
        long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(futures).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(200));
        assertThat(totalMillis).as("ran concurrently, not one after another (600 s)").isLessThan(13_000);
        // WireMock's own pools may grow by ~40; a thread per pending request would add 200
        assertThat(peakThreads.get() - threadsBefore).isLessThan(100);
    }

    @Test
    void requestsBeyondThePoolLimitQueueAndAllComplete() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v1/slow")).willReturn(okJson("{}").withFixedDelay(100)));
        started(HttpTransportOptions.builder().maxConnections(2));

        List<CompletableFuture<SaasHttpResponse>> futures = IntStream.range(0, 20)
                .mapToObj(i -> transport.send(SaasHttpRequest.get(uri("/v1/slow?i=" + i))))
                .toList();

        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        assertThat(futures).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(200));
    }

    @Test
    void cancellingTheFutureEndsTheCallersWaitAtOnce() throws Exception {
        wm.stubFor(get("/v1/stuck").willReturn(ok().withFixedDelay(8_000)));
        started(HttpTransportOptions.builder().maxConnections(1));
        CompletableFuture<SaasHttpResponse> stuck = transport.send(SaasHttpRequest.get(uri("/v1/stuck")));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !wm.findAll(getRequestedFor(urlEqualTo("/v1/stuck"))).isEmpty());

        assertThat(stuck.cancel(true)).isTrue();

        assertThat(stuck).isCancelled();
        // Not asserted: that the pooled connection is free at once. In about 1 run in 20 the async client returns it
        // only when the stuck answer ends (a race inside HttpClient 5.6's cancellation); the components never
        // cancel a call, and stopping a transport closes its connections at once (the test below).
    }

    @Test
    void closingFailsRequestsInFlightInsteadOfHanging() {
        wm.stubFor(get("/v1/stuck").willReturn(ok().withFixedDelay(8_000)));
        started(HttpTransportOptions.builder());
        CompletableFuture<SaasHttpResponse> inFlight = transport.send(SaasHttpRequest.get(uri("/v1/stuck")));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !wm.findAll(getRequestedFor(urlEqualTo("/v1/stuck"))).isEmpty());

        transport.close();

        HttpTransportException failure = failureOf(inFlight);
        assertThat(failure.isConnectFailure()).isFalse();
        assertThat(failure.getMessage()).startsWith("GET /v1/stuck failed: ");
    }

    @Test
    void lifecycleIsEnforced() {
        transport = new HttpTransport(HttpTransportOptions.defaults());
        SaasHttpRequest request = SaasHttpRequest.get(uri("/v1/x"));

        assertThatThrownBy(() -> transport.send(request))
                .isInstanceOf(IllegalStateException.class).hasMessage("transport is new, not started");
        transport.start();
        transport.start();
        assertThat(transport.isStarted()).isTrue();
        transport.close();
        transport.close();
        assertThatThrownBy(() -> transport.send(request))
                .isInstanceOf(StoppedException.class)
                .hasMessage("transport is closed (component stopped); the request was not sent");
        assertThatThrownBy(transport::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransportThatNeverStartedClosesCleanly() {
        transport = new HttpTransport(HttpTransportOptions.defaults());

        transport.close();

        assertThat(transport.isStarted()).isFalse();
        assertThatThrownBy(transport::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exceptionMessagesMaskRegisteredSecrets() throws Exception {
        SecretRegistry secrets = new SecretRegistry();
        secrets.register("tenant-key-8f7e6d");
        started(HttpTransportOptions.builder(), secrets);
        URI closed = URI.create(refusingPort.baseUrl() + "/v1/tenants/tenant-key-8f7e6d/objects");

        HttpTransportException failure = failureOf(transport.send(SaasHttpRequest.get(closed)));

        assertThat(failure.getMessage()).startsWith("GET /v1/tenants/xxxxxx/objects failed: ")
                .doesNotContain("tenant-key-8f7e6d");
        assertThat(failure.path()).isEqualTo("/v1/tenants/xxxxxx/objects");
    }

    @Test
    void traceLogShowsRedactedHeadersAndNeverASecret() throws Exception {
        String token = "tok-5d4c3b2a1f0e";
        SecretRegistry secrets = new SecretRegistry();
        secrets.register(token);
        wm.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(aResponse().withStatus(401)
                .withHeader("Set-Cookie", "session=s-998877")
                .withBody("{\"message\":\"token " + token + " expired\"}")));
        started(HttpTransportOptions.builder(), secrets);

        try (CapturedLog log = CapturedLog.of(HttpTransport.class, Level.TRACE)) {
            responseOf(transport.send(SaasHttpRequest.builder("POST",
                            uri("/v1/customers?access_token=" + token + "&page=2"))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Api-Key", "key-0a1b2c3d")
                    .body("{\"client_secret\":\"cs-77aa88bb\",\"name\":\"Ada\"}".getBytes(UTF_8), JSON)
                    .build()));

            assertThat(log.text())
                    .contains("Authorization: Bearer xxxxxx")
                    .contains("X-Api-Key: xxxxxx")
                    .contains("Accept-Encoding: gzip")
                    .contains("/v1/customers?access_token=xxxxxx&page=2")
                    .contains("\"client_secret\":\"xxxxxx\",\"name\":\"Ada\"")
                    .contains("Set-Cookie: xxxxxx")
                    .contains("token xxxxxx expired")
                    .doesNotContain(token, "key-0a1b2c3d", "cs-77aa88bb", "s-998877");
            assertThat(log.lines()).anyMatch(line -> line.matches("DEBUG POST /v1/customers -> 401 in \\d+ ms"));
        }
    }

    @Test
    void debugLogIsOneLinePerRequestWithoutHeadersOrBodies() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/v1/notes")).willReturn(okJson("{\"reply\":\"body-marker-2\"}")));
        started(HttpTransportOptions.builder());

        try (CapturedLog log = CapturedLog.of(HttpTransport.class, Level.DEBUG)) {
            responseOf(transport.send(SaasHttpRequest.builder("POST", uri("/v1/notes?cursor=c-123"))
                    .header("X-Custom", "header-marker")
                    .body("{\"text\":\"body-marker-1\"}".getBytes(UTF_8), JSON)
                    .build()));

            assertThat(log.lines()).hasSize(1);
            assertThat(log.lines().get(0)).matches("DEBUG POST /v1/notes -> 200 in \\d+ ms");
        }
    }

    @Test
    void debugLogNamesFailures() throws Exception {
        started(HttpTransportOptions.builder());
        URI closed = URI.create(refusingPort.baseUrl() + "/v1/notes");

        try (CapturedLog log = CapturedLog.of(HttpTransport.class, Level.DEBUG)) {
            failureOf(transport.send(SaasHttpRequest.get(closed)));

            assertThat(log.lines()).singleElement().asString()
                    .matches("DEBUG GET /v1/notes failed: could not connect .* after \\d+ ms");
        }
    }
}
