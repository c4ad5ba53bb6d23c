package io.github.camelsaas.examples.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.kustomer.StoredObject;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * Runs each Kamelet file against its simulator: the file is loaded by Camel's YAML DSL (which turns a Kamelet
 * into a route template with its properties as parameters, the definition's defaults and required list
 * included), a route is made from it with the properties a user would give, and records are sent through it.
 *
 * <p>Camel's kamelet component (camel-kamelet) is not used: it is not available to this build for Camel 4.22.0.
 * What it adds around the template (the {@code kamelet:name?...} URI, a per-route {@code kamelet:source}) is
 * stood in for by a direct component named {@code kamelet}, so {@code kamelet:source} is where the test sends.
 */
class KameletSinksTest {

    @Test
    void kustomerKObjectSinkWritesAListBodyInBulkCalls() throws Exception {
        // a key with characters that are special in a URI: the template must pass it through untouched
        String apiKey = "k+y&z=1%2Bq";
        try (KustomerSimulator kustomer = new KustomerSimulator()) {
            kustomer.registerApiKey(apiKey);
            kustomer.revokeApiKey(KustomerSimulator.DEMO_API_KEY);
            kustomer.start();
            try (CamelContext camel = contextWith("kustomer-kobject-sink")) {
                TemplatedRouteBuilder.builder(camel, "kustomer-kobject-sink")
                        .routeId("orders-sink")
                        .parameter("klass", "order")
                        .parameter("apiKey", apiKey)
                        .parameter("baseUrl", kustomer.baseUrl())
                        .add();
                camel.start();

                List<Map<String, Object>> orders = IntStream.rangeClosed(1, 150)
                        .mapToObj(i -> Map.<String, Object>of("title", "Order " + i, "externalId", "ord-" + i,
                                "custom", Map.of("amountNum", i * 10, "statusStr", "paid")))
                        .toList();
                Exchange done = camel.createProducerTemplate().send("kamelet:source",
                        exchange -> exchange.getMessage().setBody(orders));

                assertThat(done.getException()).isNull();
                assertThat(done.getMessage().getBody(List.class)).hasSize(150);
            }
            assertThat(kustomer.kobjectCount("order")).isEqualTo(150);
            assertThat(kustomer.stats().calls("POST /v1/klasses/{name}/bulk")).as("bulk calls of 100").isEqualTo(2);
            StoredObject order42 = kustomer.findKObjectByExternalId("order", "ord-42").orElseThrow();
            assertThat(order42.attribute("title")).isEqualTo("Order 42");
            assertThat(order42.custom()).containsEntry("amountNum", 420);
        }
    }

    @Test
    void kustomerKObjectSinkRefusesARouteWithoutItsRequiredProperties() throws Exception {
        try (CamelContext camel = contextWith("kustomer-kobject-sink")) {
            assertThatThrownBy(() -> TemplatedRouteBuilder.builder(camel, "kustomer-kobject-sink")
                    .parameter("apiKey", "some-key")
                    .add())
                    .hasMessageContaining("klass");
        }
    }

    @Test
    void zuoraObjectsSinkCreatesRecordsInCallsOfBatchSize() throws Exception {
        // credentials with characters that are special in a URI, which must reach the token call untouched
        String clientId = "client+1";
        String clientSecret = "s3cr&t=%2B+x";
        try (ZuoraSimulator zuora = new ZuoraSimulator()) {
            zuora.registerClient(clientId, clientSecret);
            zuora.registerObject("Order");
            zuora.start();
            try (CamelContext camel = contextWith("zuora-objects-sink")) {
                // environment and the other options keep the Kamelet's defaults
                TemplatedRouteBuilder.builder(camel, "zuora-objects-sink")
                        .routeId("orders-sink")
                        .parameter("objectName", "Order")
                        .parameter("clientId", clientId)
                        .parameter("clientSecret", clientSecret)
                        .parameter("baseUrl", zuora.baseUrl())
                        .parameter("batchSize", "2")
                        .add();
                camel.start();

                List<Map<String, Object>> orders = IntStream.rangeClosed(1, 5)
                        .mapToObj(i -> Map.<String, Object>of("OrderId__c", "ord-" + i, "Amount__c", i * 1.5))
                        .toList();
                Exchange done = camel.createProducerTemplate().send("kamelet:source",
                        exchange -> exchange.getMessage().setBody(orders));

                assertThat(done.getException()).isNull();
                assertThat(done.getMessage().getHeader("CamelZuoraObjectsRequestCount", Integer.class)).isEqualTo(3);
            }
            assertThat(zuora.count("Order")).isEqualTo(5);
            assertThat(zuora.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).as("ceil(5 / 2) calls").isEqualTo(3);
            assertThat(zuora.maxRecordsInOneCreate()).isEqualTo(2);
            assertThat(zuora.records("Order")).filteredOn(r -> "ord-3".equals(r.get("OrderId__c")))
                    .singleElement()
                    .satisfies(r -> assertThat(((Number) r.get("Amount__c")).doubleValue()).isEqualTo(4.5));
        }
    }

    /** A context that knows the Kamelet (from kamelets/ on the classpath) as a route template. */
    private static CamelContext contextWith(String kamelet) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("kamelet", new DirectComponent());
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveMandatoryResource(camel, "classpath:kamelets/" + kamelet + ".kamelet.yaml"));
        return camel;
    }
}
