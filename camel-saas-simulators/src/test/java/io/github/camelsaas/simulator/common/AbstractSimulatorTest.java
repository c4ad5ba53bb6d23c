package io.github.camelsaas.simulator.common;

import static io.github.camelsaas.simulator.testsupport.Gzip.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AbstractSimulatorTest {

    /** Echoes the request back, so the test sees what a handler sees. */
    static final class EchoSimulator extends AbstractSimulator {
        EchoSimulator() {
            super(0);
        }

        @Override
        protected SimResponse handle(SimRequest request) {
            stats().recordCall(request.method() + " " + request.path());
            return SimResponse.json(200, Map.of("path", request.path(), "q", String.valueOf(request.query("q")),
                    "body", request.bodyAsString()));
        }

        @Override
        protected void resetState() {
        }
    }

    private final EchoSimulator simulator = new EchoSimulator();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        simulator.start();
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void handlerSeesPathQueryAndGunzippedBody() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/x/y?q=a%20b"))
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip("{\"a\":1}"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"path\":\"/x/y\"").contains("\"q\":\"a b\"").contains("{\\\"a\\\":1}");
        assertThat(simulator.stats().calls("POST /x/y")).isEqualTo(1);
        assertThat(simulator.stats().maxInFlight()).isEqualTo(1);
    }

    @Test
    void faultsFireExactlyTheirCountAndOnlyOnMatchingPaths() throws Exception {
        simulator.faults().failNext("/only/.*", 2, Fault.status(503, "{}"));
        assertThat(get("/other")).isEqualTo(200);
        assertThat(get("/only/a")).isEqualTo(503);
        assertThat(get("/only/b")).isEqualTo(503);
        assertThat(get("/only/c")).isEqualTo(200);
        assertThat(simulator.faults().pending()).isZero();

        simulator.faults().failNext(1, Fault.status(429));
        assertThat(get("/any")).isEqualTo(429);
        assertThat(simulator.stats().tooManyRequests()).isEqualTo(1);

        simulator.faults().failNext(1, Fault.connectionReset());
        assertThatThrownBy(() -> get("/reset")).isInstanceOf(IOException.class);
        assertThat(get("/after-reset")).isEqualTo(200);
    }

    @Test
    void aPeriodFailsEveryMatchingCallUntilItEnds() throws Exception {
        simulator.faults().failFor("/storm/.*", Duration.ofMillis(400), Fault.status(429));
        long start = System.nanoTime();
        assertThat(get("/storm/a")).isEqualTo(429);
        assertThat(get("/calm")).isEqualTo(200);
        assertThat(get("/storm/b")).isEqualTo(429);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> get("/storm/c") == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void randomFaultsFireAtTheirRateFromASeed() throws Exception {
        simulator.faults().failRandomly("/r/.*", 0.25, 42, java.util.List.of(Fault.status(503), Fault.status(502)));
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            if (get("/r/" + i) != 200) {
                failed++;
            }
        }
        assertThat(get("/other")).isEqualTo(200);
        assertThat(failed).isBetween(30, 70).isEqualTo((int) simulator.faults().randomFaultsFired());
        simulator.faults().reset();
        assertThat(get("/r/x")).isEqualTo(200);
    }

    @Test
    void resetClearsFaultsAndCounters() throws Exception {
        simulator.faults().failNext(5, Fault.delay(Duration.ofMillis(1)));
        get("/a");
        simulator.reset();
        assertThat(simulator.faults().pending()).isZero();
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    private int get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
