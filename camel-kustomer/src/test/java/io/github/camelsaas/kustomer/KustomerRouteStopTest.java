package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.common.failure.RecordFailedException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A route that stops while the component (and the org limit it shares with other routes) keeps running sends
 * nothing more: its producer's call waiting for the org permit fails when the permit comes, instead of going out,
 * and the org keeps serving the other routes.
 */
class KustomerRouteStopTest extends KustomerSimulatorTestSupport {

    private static final long WINDOW_MILLIS = 1_000;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // one call per second for the org: a second call waits in its slot for about a second
        KustomerConfiguration shared = camelContext.getComponent("kustomer", KustomerComponent.class)
                .getConfiguration();
        shared.setRequestsPerMinute(1);
        shared.setRateLimitWindow(WINDOW_MILLIS);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers").routeId("stopping").to("kustomer:customers");
                from("direct:staying").routeId("staying").to("kustomer:customers");
            }
        };
    }

    @Test
    void aCallWaitingForTheOrgPermitIsNotSentAfterItsRouteStopped() throws Exception {
        CompletableFuture<Exchange> waiting = secondCustomerWaitingForAPermit();
        await().atMost(Duration.ofSeconds(5)).until(() -> context.getInflightRepository().size() == 1);

        // a short shutdown timeout: Camel stops the producer while the call still waits (a graceful stop would let
        // it finish)
        context.getRouteController().stopRoute("stopping", 200, TimeUnit.MILLISECONDS);

        // completes when the org permit comes (the component is still started): failed, not sent
        Exchange stopped = waiting.get(10, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(RecordFailedException.class)
                .hasMessageContaining("kustomer:customers stopped while a request was waiting for a rate-limit "
                                      + "permit; the request was not sent");
        assertThat(((RecordFailedException) stopped.getException()).getFailedRecord().retryable()).isTrue();
        assertThat(component().isStarted()).isTrue();
        assertThat(simulator.stats().calls("POST /v1/customers")).isEqualTo(1);
        assertThat(simulator.customers()).hasSize(1);
        // the org itself still serves the other route
        assertThat(template.send("direct:staying", e -> e.getMessage().setBody(java.util.Map.of("name", "Hopper")))
                .getException()).isNull();
        assertThat(simulator.customers()).hasSize(2);
    }
}
