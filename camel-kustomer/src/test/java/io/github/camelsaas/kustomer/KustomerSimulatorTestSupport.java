package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the component against the Kustomer simulator: one simulator per test class, emptied and put back to Kustomer's
 * defaults before each test; a fresh CamelContext per test whose kustomer component points at it with the demo key.
 */
abstract class KustomerSimulatorTestSupport extends CamelTestSupport {

    static KustomerSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = new KustomerSimulator();
        simulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.restoreDefaultConfiguration();
        simulator.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        KustomerComponent component = new KustomerComponent();
        component.getConfiguration().setApiKey(KustomerSimulator.DEMO_API_KEY);
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        camelContext.addComponent("kustomer", component);
        return camelContext;
    }

    KustomerComponent component() {
        return context.getComponent("kustomer", KustomerComponent.class);
    }

    /** Sends a body with headers and returns the exchange (exceptions stay on it). */
    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    /**
     * Sends a customer through {@code direct:customers} (a route of the test to kustomer:customers), expecting it to
     * take the one permit of the window, then a second one without waiting for it: that one waits for a permit.
     */
    CompletableFuture<Exchange> secondCustomerWaitingForAPermit() {
        Exchange first = template.send("direct:customers", e -> e.getMessage().setBody(Map.of("name", "Ada")));
        assertThat(first.getException()).isNull();
        return template.asyncSend("direct:customers", e -> e.getMessage().setBody(Map.of("name", "Grace")));
    }

    /**
     * The requests the simulator received with this method whose path starts with {@code pathPrefix}, oldest first,
     * as WireMock's journal holds them (URL with its query, method, body).
     */
    static List<LoggedRequest> requests(String method, String pathPrefix) {
        List<LoggedRequest> requests = new ArrayList<>();
        for (ServeEvent event : simulator.wireMock().getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            if (request.getMethod().getName().equals(method) && request.getUrl().startsWith(pathPrefix)) {
                requests.add(request);
            }
        }
        // the journal lists the newest first
        Collections.reverse(requests);
        return requests;
    }

    /** The URLs (path and query) of {@link #requests}, oldest first. */
    static List<String> urls(String method, String pathPrefix) {
        return requests(method, pathPrefix).stream().map(LoggedRequest::getUrl).toList();
    }

    /** A customer created directly in the simulator's API through the component; returns its id. */
    String createCustomer(String name) {
        Exchange created = send("kustomer:customers", Map.of("name", name));
        if (created.getException() != null) {
            throw new AssertionError("could not create a customer", created.getException());
        }
        return created.getMessage().getHeader(KustomerConstants.ID, String.class);
    }
}
