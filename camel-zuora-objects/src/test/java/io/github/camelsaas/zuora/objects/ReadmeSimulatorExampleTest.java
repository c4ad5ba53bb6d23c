package io.github.camelsaas.zuora.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's "test your own route against the simulators" example, as it is printed there. */
class ReadmeSimulatorExampleTest extends CamelTestSupport {

    // README example: start
    static final ZuoraSimulator zuora = new ZuoraSimulator();

    @BeforeAll static void startZuora() { zuora.start(); zuora.registerObject("Order"); }
    @AfterAll static void stopZuora() { zuora.stop(); }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            public void configure() {
                from("direct:orders").to("zuora-objects:Order?baseUrl=" + zuora.baseUrl()
                        + "&clientId=" + ZuoraSimulator.DEMO_CLIENT_ID + "&clientSecret=" + ZuoraSimulator.DEMO_CLIENT_SECRET);
            }
        };
    }

    @Test
    void storesEveryOrderInOneCall() {
        template.sendBody("direct:orders", List.of(Map.of("OrderId__c", "o-1"), Map.of("OrderId__c", "o-2")));
        assertEquals(2, zuora.count("Order"));
        assertEquals(1, zuora.stats().calls("POST /objects/records/default/{object}"));
    }
    // README example: end
}
