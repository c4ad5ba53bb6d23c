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
 * An endpoint that stops while the component (and the org limit it shares with other endpoints) keeps running sends
 * nothing more: a call already holding a concurrency slot and waiting there for the org permit fails when the permit
 * comes, instead of going out.
 */
class KustomerEndpointStopTest extends KustomerSimulatorTestSupport {

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
                from("direct:customers").to("kustomer:customers");
            }
        };
    }

    @Test
    void aCallWaitingInItsSlotForTheOrgPermitIsNotSentAfterItsEndpointStopped() throws Exception {
        KustomerEndpoint endpoint = context.getEndpoint("kustomer:customers", KustomerEndpoint.class);
        CompletableFuture<Exchange> waiting = secondCustomerWaitingForAPermit();
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.client().slotsInUse() == 1);

        endpoint.stop();

        // completes when the org permit comes (the component is still started): failed, not sent
        Exchange stopped = waiting.get(10, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(RecordFailedException.class)
                .hasMessageContaining("kustomer:customers stopped while a request was waiting for a rate-limit "
                                      + "permit; the request was not sent");
        assertThat(((RecordFailedException) stopped.getException()).getFailedRecord().retryable()).isTrue();
        assertThat(component().isStarted()).isTrue();
        assertThat(simulator.stats().calls("POST /v1/customers")).isEqualTo(1);
        assertThat(simulator.customers()).hasSize(1);
    }
}
