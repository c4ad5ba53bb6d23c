package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The pages of a streaming list go through the org's throttle like every call: with the same limit on the component
 * and the simulator (two calls per second), a list of three pages, read by a streaming splitter, draws no 429.
 * {@code GET /v1/customers} declares no paging parameters: its pages are reached through links.next.
 */
class KustomerListThrottleTest extends KustomerSimulatorTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        KustomerComponent component = camelContext.getComponent("kustomer", KustomerComponent.class);
        component.getConfiguration().setRequestsPerMinute(2);
        component.getConfiguration().setRateLimitWindow(1_000);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all").to("kustomer:customers?operation=list&streaming=true")
                        .split(body()).streaming().to("mock:customer");
            }
        };
    }

    @Test
    void everyPageWaitsForTheOrgsPermit() throws Exception {
        simulator.setOrgLimit(2, Duration.ofSeconds(1));
        simulator.setDefaultPageSize(3);
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            customers.add(Map.of("name", "Customer " + i));
        }
        assertThat(send("kustomer:customers", customers).getException()).isNull();
        MockEndpoint mock = getMockEndpoint("mock:customer");
        mock.expectedMessageCount(7);

        template.sendBody("direct:all", null);

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getBody()).isInstanceOf(Map.class));
        assertThat(urls("GET", "/v1/customers")).containsExactly("/v1/customers",
                "/v1/customers?page=2&pageSize=3", "/v1/customers?page=3&pageSize=3");
        // four calls at two per second: without the throttle the pages would have drawn 429s
        assertThat(simulator.orgTooManyRequests()).isZero();
        assertThat(simulator.stats().tooManyRequests()).isZero();
    }
}
