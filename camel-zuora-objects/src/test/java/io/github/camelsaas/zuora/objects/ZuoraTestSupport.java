package io.github.camelsaas.zuora.objects;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.github.camelsaas.simulator.zuora.ZuoraRoute;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * One Zuora simulator per test class (reset to a new simulator's state before each test), a fresh CamelContext per
 * test whose zuora-objects component points at it with the demo client, and helpers to read what was sent.
 */
abstract class ZuoraTestSupport {

    static final String ORDER = "Order";
    static final String RECORDS_PATH = "/objects/records/default/" + ORDER;
    static final ObjectMapper MAPPER = new ObjectMapper();

    static ConcurrencyProbeSimulator zuora;

    CamelContext context;
    ProducerTemplate template;

    @BeforeAll
    static void startSimulator() {
        zuora = new ConcurrencyProbeSimulator();
        zuora.start();
    }

    @AfterAll
    static void stopSimulator() {
        zuora.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        zuora.resetAll();
        zuora.registerObject(ORDER);
        context = new DefaultCamelContext();
        ZuoraObjectsConfiguration shared = context.getComponent("zuora-objects", ZuoraObjectsComponent.class)
                .getConfiguration();
        shared.setBaseUrl(zuora.baseUrl());
        shared.setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
        shared.setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
        configure(shared);
        context.start();
        template = context.createProducerTemplate();
    }

    /** For a test class to change the component-wide options before the context starts. */
    void configure(ZuoraObjectsConfiguration shared) {
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
    }

    static long calls(ZuoraRoute route) {
        return zuora.stats().calls(route.key());
    }

    static List<Map<String, Object>> orders(int count, String prefix) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("OrderNumber__c", prefix + i);
            order.put("Amount__c", i);
            orders.add(order);
        }
        return orders;
    }

    /** Every request the simulator received on a path, in arrival order. */
    static List<LoggedRequest> requestsTo(String path) {
        return zuora.wireMock().findAll(anyRequestedFor(urlPathEqualTo(path)));
    }

    /** Every data request (not the token endpoint). */
    static List<LoggedRequest> dataRequests() {
        return zuora.wireMock().findAll(anyRequestedFor(urlPathMatching("/objects/.*")));
    }

    static Map<String, Object> json(LoggedRequest request) throws Exception {
        return MAPPER.readValue(request.getBodyAsString(), new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> recordsSent(LoggedRequest createRequest) throws Exception {
        return (List<Map<String, Object>>) json(createRequest).get("records");
    }
}
