package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * Camel starts the processors of a split (or multicast) while it initializes routes, before it starts the
 * components: an endpoint used there must still find what the component runs on (as on kustomer:).
 */
class ZuoraInsideSplitTest extends ZuoraTestSupport {

    @Test
    void anEndpointInsideASplitOfARouteThereAtStartStartsAndWrites() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            ZuoraObjectsConfiguration shared = camel.getComponent("zuora-objects", ZuoraObjectsComponent.class)
                    .getConfiguration();
            shared.setBaseUrl(zuora.baseUrl());
            shared.setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
            shared.setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:orders").split(body()).to("zuora-objects:Order");
                }
            });
            camel.start();

            camel.createProducerTemplate().sendBody("direct:orders", List.of(Map.of("OrderNumber__c", "S-1"),
                    Map.of("OrderNumber__c", "S-2")));

            assertThat(zuora.count(ORDER)).isEqualTo(2);
        }
    }
}
