package io.github.camelsaas.simulator.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.camelsaas.simulator.testsupport.Gzip.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DelayingProxyTest {

    /** Far above any delay these tests draw, so only a missing delay, never a slow machine, fails a lower bound. */
    private static final long GENEROUS_MILLIS = 10_000;

    private final WireMockServer target = new WireMockServer(options()
            .dynamicPort()
            .bindAddress("127.0.0.1")
            // WireMock must not gzip on its own: the test compares the bytes the stub answers with
            .gzipDisabled(true));
    private final List<DelayingProxy> proxies = new ArrayList<>();
    private final HttpClient client = newClient();

    @BeforeEach
    void startTarget() {
        target.start();
        target.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void stopAll() {
        proxies.forEach(DelayingProxy::close);
        target.stop();
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBodyAndRelaysTheAnswer() throws Exception {
        target.stubFor(post(urlEqualTo("/things/42?x=1&y=two%20words")).willReturn(aResponse()
                .withStatus(201).withHeader("X-Answer", "yes").withHeader("Content-Type", "application/json")
                .withBody("{\"id\":42}")));
        target.stubFor(delete(urlEqualTo("/things/42")).willReturn(aResponse().withStatus(204)));
        DelayingProxy proxy = start(DelayingProxy.builder(targetUrl()));

        HttpResponse<String> created = client.send(HttpRequest.newBuilder(
                        URI.create(proxy.baseUrl() + "/things/42?x=1&y=two%20words"))
                .header("X-Trace", "abc-123")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> deleted = client.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/things/42"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Answer")).hasValue("yes");
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(created.body()).isEqualTo("{\"id\":42}");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        target.verify(postRequestedFor(urlEqualTo("/things/42?x=1&y=two%20words"))
                .withHeader("X-Trace", equalTo("abc-123"))
                .withHeader("Content-Type", equalTo("text/plain"))
                // Host is the target's, written by the forwarding client, not the proxy's passed on
                .withHeader("Host", equalTo("127.0.0.1:" + target.port()))
                .withRequestBody(equalTo("hello")));
        assertThat(proxy.arrivals()).extracting(DelayingProxy.Arrival::method, DelayingProxy.Arrival::path)
                .containsExactly(tuple("POST", "/things/42"),
                        tuple("DELETE", "/things/42"));
        assertThat(proxy.arrivals("POST", path -> path.startsWith("/things/"))).hasSize(1);
        assertThat(proxy.arrivals("GET", path -> true)).isEmpty();

        proxy.clear();
        assertThat(proxy.arrivals()).isEmpty();
    }

    @Test
    void relaysAGzipBodyAndItsEncodingUntouched() throws Exception {
        byte[] zipped = gzip("{\"records\":[" + "{\"a\":1},".repeat(200) + "{\"a\":2}]}");
        target.stubFor(get(urlEqualTo("/zipped")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withHeader("Content-Type", "application/json")
                .withBody(zipped)));
        DelayingProxy proxy = start(DelayingProxy.builder(targetUrl()));

        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/zipped"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(answer.headers().firstValue("Content-Length")).hasValue(String.valueOf(zipped.length));
        assertThat(answer.body()).isEqualTo(zipped);
        target.verify(getRequestedFor(urlEqualTo("/zipped")).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void answers502WhenTheTargetCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DelayingProxy proxy = start(DelayingProxy.builder("http://127.0.0.1:" + closedPort));

        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("could not forward");
    }

    @Test
    void oneSeedGivesOneDelaySequenceWithinItsBounds() throws Exception {
        DelayingProxy sequential = start(DelayingProxy.builder(targetUrl()).seed(42).delayMillis(5, 30));
        DelayingProxy concurrent = start(DelayingProxy.builder(targetUrl()).seed(42).delayMillis(5, 30));
        DelayingProxy otherSeed = start(DelayingProxy.builder(targetUrl()).seed(43).delayMillis(5, 30));
        int requests = 15;

        for (int i = 0; i < requests; i++) {
            send(sequential, "/seq/" + i);
            send(otherSeed, "/other/" + i);
        }
        // the draws follow arrival order, not request identity: concurrent requests still draw the same sequence
        CompletableFuture.allOf(IntStream.range(0, requests)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(concurrent.baseUrl() + "/c/" + i))
                        .build(), HttpResponse.BodyHandlers.discarding()))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(sequential.delaysDrawn()).hasSize(requests).allSatisfy(delay -> assertThat(delay).isBetween(5, 30));
        assertThat(sequential.delaysDrawn().stream().distinct().count()).as("the delays vary").isGreaterThan(3);
        assertThat(concurrent.delaysDrawn()).isEqualTo(sequential.delaysDrawn());
        assertThat(otherSeed.delaysDrawn()).hasSize(requests).isNotEqualTo(sequential.delaysDrawn());
        assertThat(concurrent.arrivals()).hasSize(requests);
    }

    @Test
    void eachRequestIsHeldItsDrawnDelayBeforeItIsForwarded() throws Exception {
        DelayingProxy proxy = start(DelayingProxy.builder(targetUrl()).seed(3).delayMillis(150, 300));
        List<Long> sentAtMillis = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            sentAtMillis.add(System.currentTimeMillis());
            assertThat(send(proxy, "/held/" + i)).isEqualTo(200);
        }

        List<DelayingProxy.Arrival> arrivals = proxy.arrivals();
        List<Integer> delays = proxy.delaysDrawn();
        assertThat(arrivals).hasSize(4);
        assertThat(delays).hasSize(4).allSatisfy(delay -> assertThat(delay).isBetween(150, 300));
        for (int i = 0; i < 4; i++) {
            // the client sent before the proxy received, so this span can only be longer than the proxy's hold
            long heldAtLeast = arrivals.get(i).atMillis() - sentAtMillis.get(i);
            assertThat(heldAtLeast).as("request %d, drawn delay %d ms", i, delays.get(i))
                    .isGreaterThanOrEqualTo(delays.get(i))
                    .isLessThan(delays.get(i) + GENEROUS_MILLIS);
        }
        assertThat(target.getAllServeEvents()).hasSize(4);
    }

    @Test
    void onlyTheFirstRequestOnANewConnectionWaitsTheColdConnectionDelay() throws Exception {
        int cold = 1_200;
        DelayingProxy proxy = start(DelayingProxy.builder(targetUrl()).delayMillis(0, 0)
                .firstRequestOnConnectionDelayMillis(cold));

        long first = timeToForward(proxy, client, "/first");
        long secondOnTheSameConnection = timeToForward(proxy, client, "/second");
        assertThat(proxy.connectionsSeen()).as("the second request reused the keep-alive connection").isEqualTo(1);
        long firstOnAnotherConnection = timeToForward(proxy, newClient(), "/third");

        assertThat(first).isGreaterThanOrEqualTo(cold).isLessThan(cold + GENEROUS_MILLIS);
        assertThat(secondOnTheSameConnection).isLessThan(cold);
        assertThat(firstOnAnotherConnection).isGreaterThanOrEqualTo(cold).isLessThan(cold + GENEROUS_MILLIS);
        assertThat(proxy.connectionsSeen()).isEqualTo(2);
        assertThat(proxy.delaysDrawn()).containsExactly(0, 0, 0);
    }

    /** From just before the client sends to the instant the proxy forwarded: at least what the proxy held it. */
    private static long timeToForward(DelayingProxy proxy, HttpClient client, String path) throws Exception {
        long sentAt = System.currentTimeMillis();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        List<DelayingProxy.Arrival> arrivals = proxy.arrivals("GET", path::equals);
        assertThat(arrivals).hasSize(1);
        return arrivals.get(0).atMillis() - sentAt;
    }

    private int send(DelayingProxy proxy, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** By address: WireMock's own baseUrl() says localhost, and it listens on 127.0.0.1 only. */
    private String targetUrl() {
        return "http://127.0.0.1:" + target.port();
    }

    private DelayingProxy start(DelayingProxy.Builder builder) {
        DelayingProxy proxy = builder.start();
        proxies.add(proxy);
        return proxy;
    }

    /** HTTP/1.1 only: the default would first try an h2c upgrade, which is not what the client under test does. */
    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
}
