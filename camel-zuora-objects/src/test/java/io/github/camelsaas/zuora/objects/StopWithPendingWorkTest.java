package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordFailedException;

/**
 * Stopping Camel while messages wait (for a rate-limit permit, a concurrency slot, an answer, a coalescing
 * window) completes each of them with a clear error saying what was not sent; none is left hanging.
 */
class StopWithPendingWorkTest extends ZuoraTestSupport {

    @BeforeEach
    void shortGracePeriod() {
        // Camel waits this long for messages in flight, then stops the routes and the component anyway
        context.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        context.getShutdownStrategy().setTimeout(300);
    }

    private CompletableFuture<Exchange> sendThroughRoute(String uri, Object body) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:write").to(uri);
            }
        });
        return template.asyncSend("direct:write", e -> e.getMessage().setBody(body));
    }

    @Test
    void recordsWaitingForARateLimitPermitFailAsNotSent() throws Exception {
        CompletableFuture<Exchange> pending = sendThroughRoute(
                "zuora-objects:Order?batchSize=1&requestsPerMinute=1&rateLimitWindow=60s", orders(3, "S-"));
        await().atMost(Duration.ofSeconds(5)).until(() -> zuora.count(ORDER) == 1);

        context.stop();

        Exchange exchange = pending.get(5, TimeUnit.SECONDS);
        PartialFailureException failure = (PartialFailureException) exchange.getException();
        assertThat(failure.getSucceeded()).hasSize(1);
        assertThat(failure.getFailedRecords()).hasSize(2).allSatisfy(record -> {
            assertThat(record.message()).contains("stopped").contains("not sent");
            assertThat(record.retryable()).isTrue();
        });
        assertThat(zuora.count(ORDER)).isEqualTo(1);
    }

    @Test
    void aStoppedProducerSendsNothingMoreWhileItsTenantKeepsServingOthers() throws Exception {
        // two routes, one tenant allowing one call per second: the stopping route's second call waits in its slot
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stopping").routeId("stopping")
                        .to("zuora-objects:Order?batchSize=1&requestsPerMinute=1&rateLimitWindow=1000");
                from("direct:staying").routeId("staying")
                        .to("zuora-objects:Order?batchSize=1&requestsPerMinute=1&rateLimitWindow=1000&pageSize=10");
            }
        });
        assertThat(template.send("direct:stopping", e -> e.getMessage().setBody(orders(1, "P-"))).getException())
                .isNull();
        CompletableFuture<Exchange> waiting = template.asyncSend("direct:stopping",
                e -> e.getMessage().setBody(orders(1, "W-")));
        await().atMost(Duration.ofSeconds(5)).until(() -> context.getInflightRepository().size() == 1);

        // a short shutdown timeout: Camel stops the producer while the call still waits (a graceful stop would let
        // it finish)
        context.getRouteController().stopRoute("stopping", 200, TimeUnit.MILLISECONDS);

        // the tenant's permit comes about a second after the first call: the stopped producer's call fails then
        Exchange exchange = waiting.get(5, TimeUnit.SECONDS);
        // a list body (of one) reports its records as a list does
        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class)
                .hasMessageContaining("stopped while a request was waiting for a rate-limit permit")
                .hasMessageContaining("not sent");
        assertThat(((PartialFailureException) exchange.getException()).getFailedRecords().get(0).retryable())
                .isTrue();
        assertThat(requestsTo(RECORDS_PATH)).hasSize(1);
        // the tenant itself still serves the other route
        assertThat(template.send("direct:staying", e -> e.getMessage().setBody(orders(1, "S-"))).getException())
                .isNull();
        assertThat(zuora.count(ORDER)).isEqualTo(2);
    }

    @Test
    void callsInFlightAndCallsWaitingForASlotFailWithAClearError() throws Exception {
        zuora.setProcessingTime(Duration.ofSeconds(3));
        CompletableFuture<Exchange> pending = sendThroughRoute(
                "zuora-objects:Order?batchSize=1&maxConcurrentRequests=1", orders(3, "F-"));
        // the first call is at the server, the two others wait for the only slot
        await().atMost(Duration.ofSeconds(5)).until(() -> zuora.processing() == 1);

        long stopping = System.nanoTime();
        context.stop();

        Exchange exchange = pending.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(3));
        List<FailedRecord> failed = ((PartialFailureException) exchange.getException()).getFailedRecords();
        assertThat(failed).hasSize(3);
        // the call at the server: cancelled, or its connection closed under it, whichever the client sees first;
        // either way it may have been applied, so it is not marked retryable
        assertThat(failed.get(0).message()).containsAnyOf("request cancelled, the transport is closing",
                "Connection is closed");
        assertThat(failed.get(0).httpStatus()).isNull();
        assertThat(failed.get(0).retryable()).isFalse();
        assertThat(failed.subList(1, 3)).allSatisfy(record ->
                assertThat(record.message()).contains("stopped while a request waited for a free connection slot"));
    }

    @Test
    void aRecordWaitingForItsCoalescingWindowFailsAsNotSent() throws Exception {
        CompletableFuture<Exchange> pending = sendThroughRoute("zuora-objects:Order?batchWindow=60s",
                Map.of("OrderNumber__c", "C-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> context.getInflightRepository().size() == 1);

        context.stop();

        Exchange exchange = pending.get(5, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(RecordFailedException.class)
                .hasMessageContaining("closed (producer stopped) before the record's batch was sent");
        // the failure carries the record as given, ready for a dead-letter route to resend
        assertThat(((RecordFailedException) exchange.getException()).getFailedRecord().record())
                .isEqualTo(Map.of("OrderNumber__c", "C-1"));
        assertThat(dataRequests()).isEmpty();
    }
}
