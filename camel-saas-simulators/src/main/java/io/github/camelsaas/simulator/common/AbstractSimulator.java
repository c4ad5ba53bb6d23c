package io.github.camelsaas.simulator.common;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A simulated SaaS API on an embedded WireMock server: every request goes to {@link #handle}, which holds the
 * simulator's state and rules. This base class adds what both simulators share: start on a free port, a base
 * URL, request statistics (calls, calls in flight, 429s), queued faults and an optional answer latency.
 */
public abstract class AbstractSimulator implements AutoCloseable {

    private final WireMockServer server;
    private final RequestStats stats = new RequestStats();
    private final FaultInjector faults = new FaultInjector();
    private volatile Duration latency = Duration.ZERO;

    /** @param port the port to listen on, 0 for a free one */
    protected AbstractSimulator(int port) {
        this.server = new WireMockServer(options()
                .port(port)
                .bindAddress("127.0.0.1")
                // enough threads that a client's concurrency, not ours, decides how many calls overlap
                .containerThreads(200)
                .maxRequestJournalEntries(10_000)
                // picks up WireMock extensions on the classpath, e.g. this project's OpenAPI checks in its tests
                .extensionScanningEnabled(true)
                .extensions(new Dispatcher(), new FlightTracker()));
    }

    /** Handles one request (called concurrently). Faults and latency are applied around it by this class. */
    protected abstract SimResponse handle(SimRequest request);

    /** Clears the simulator's own state (store, limits counted); statistics and faults are reset by {@link #reset}. */
    protected abstract void resetState();

    public void start() {
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Where clients point their base URL, e.g. {@code http://127.0.0.1:53121}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public RequestStats stats() {
        return stats;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** A delay added to every answer, so concurrent calls overlap as they would against a real server. */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** Back to the state right after start: empty store, counters zeroed, no faults queued. */
    public void reset() {
        resetState();
        faults.reset();
        stats.reset();
        server.resetRequests();
    }

    /** The underlying WireMock server, for tests that want its request journal and verify API. */
    public WireMockServer wireMock() {
        return server;
    }

    private ResponseDefinition dispatch(ServeEvent event) {
        SimRequest request = new SimRequest(event.getRequest());
        Optional<Fault> fault = faults.next(request.path());
        long delayMillis = latency.toMillis();
        if (fault.isPresent() && fault.get() instanceof Fault.ConnectionReset) {
            return aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (fault.isPresent() && fault.get() instanceof Fault.Status status) {
            return toDefinition(statusFault(status), delayMillis);
        }
        if (fault.isPresent() && fault.get() instanceof Fault.Delay delay) {
            delayMillis += delay.delay().toMillis();
        }
        return toDefinition(handle(request), delayMillis);
    }

    private static SimResponse statusFault(Fault.Status status) {
        SimResponse response = SimResponse.text(status.status(),
                status.headers().getOrDefault("Content-Type", "application/json"), status.body());
        status.headers().forEach(response::header);
        return response;
    }

    private ResponseDefinition toDefinition(SimResponse response, long delayMillis) {
        if (response.status() == 429) {
            stats.tooManyRequestsSent();
        }
        HttpHeaders headers = new HttpHeaders();
        for (var header : response.headers().entrySet()) {
            headers = headers.plus(new HttpHeader(header.getKey(), header.getValue()));
        }
        var builder = aResponse().withStatus(response.status()).withHeaders(headers).withBody(response.body());
        if (delayMillis > 0) {
            builder.withFixedDelay((int) delayMillis);
        }
        return builder.build();
    }

    private final class Dispatcher implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return dispatch(serveEvent);
        }

        @Override
        public String getName() {
            return "camel-saas-simulator-dispatcher";
        }
    }

    /** Counts calls in flight from arrival to the last byte sent, the span a concurrency limit is about. */
    private final class FlightTracker implements ServeEventListener {
        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            stats.requestStarted();
        }

        @Override
        public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
            stats.requestFinished();
        }

        @Override
        public String getName() {
            return "camel-saas-simulator-flight-tracker";
        }
    }
}
