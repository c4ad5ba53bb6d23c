package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.common.failure.RecordFailedException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.junit.jupiter.api.Test;

/** Stopping with work pending fails the pending exchanges with a clear error instead of leaving them hanging. */
class KustomerStopTest extends KustomerSimulatorTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // one call per minute: a second call waits for its permit
        camelContext.getComponent("kustomer", KustomerComponent.class).getConfiguration().setRequestsPerMinute(1);
        return camelContext;
    }

    /** Graceful shutdown waits 1 s for the waiting exchanges before stopping the producers under them. */
    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withShutdownTimeout(1);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers").to("kustomer:customers");
                from("direct:coalesced").to("kustomer:kobjects?klass=order&batchWindow=60s");
            }
        };
    }

    @Test
    void exchangesWaitingForARateLimitPermitFailWhenTheContextStops() throws Exception {
        CompletableFuture<Exchange> waiting = secondCustomerWaitingForAPermit();
        await().atMost(Duration.ofSeconds(5)).until(() -> context.getInflightRepository().size() == 1);

        context.stop();

        Exchange stopped = waiting.get(10, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(RecordFailedException.class)
                .hasMessageContaining("stopped while a request was waiting; the request was not sent");
        assertThat(((RecordFailedException) stopped.getException()).getFailedRecord().retryable()).isTrue();
        assertThat(simulator.customers()).hasSize(1);
    }

    @Test
    void recordsWaitingToBeCoalescedFailWhenTheContextStops() throws Exception {
        CompletableFuture<Exchange> buffered = template.asyncSend("direct:coalesced",
                e -> e.getMessage().setBody(Map.of("title", "Order 1")));
        await().atMost(Duration.ofSeconds(5)).until(() -> context.getInflightRepository().size() == 1);

        context.stop();

        Exchange stopped = buffered.get(10, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(RecordFailedException.class)
                .hasMessageContaining("not sent").hasMessageContaining("producer stopped");
        assertThat(simulator.stats().totalCalls()).isZero();
    }
}
