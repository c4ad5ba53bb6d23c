package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Camel starts the processors of a split (or multicast) while it initializes routes, before it starts the
 * components: an endpoint used there must still find what the component runs on.
 */
class KustomerInsideSplitTest extends KustomerSimulatorTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers").split(body()).to("kustomer:customers?operation=upsert");
            }
        };
    }

    @Test
    void anEndpointInsideASplitStartsAndWrites() {
        template.sendBody("direct:customers", List.of(Map.of("externalId", "c-1", "name", "Ada Lovelace"),
                Map.of("externalId", "c-2", "name", "Alan Turing")));

        assertThat(simulator.customers()).extracting(customer -> customer.externalId())
                .containsExactlyInAnyOrder("c-1", "c-2");
    }
}
