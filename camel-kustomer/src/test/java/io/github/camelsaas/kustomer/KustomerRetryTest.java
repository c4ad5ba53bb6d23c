package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.simulator.common.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * Retries: 429 and connection failures always; 5xx and lost answers for get, update and delete; a create only when
 * its externalId lets the retry look first, so nothing is ever created twice.
 */
class KustomerRetryTest extends KustomerSimulatorTestSupport {

    private static final String SERVER_ERROR = "{\"errors\":[{\"status\":500,\"code\":\"internal\",\"title\":\"oops\"}]}";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // short enough that a delayed answer counts as lost
        camelContext.getComponent("kustomer", KustomerComponent.class).getConfiguration().setResponseTimeout(600);
        return camelContext;
    }

    @Test
    void aCreateWithoutExternalIdIsNotReplayedAfterA500() {
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.status(500, SERVER_ERROR));

        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1"));

        assertThat(exchange.getException()).isInstanceOf(RecordFailedException.class);
        RecordFailedException failed = (RecordFailedException) exchange.getException();
        assertThat(failed.getFailedRecord().httpStatus()).isEqualTo(500);
        assertThat(failed.getFailedRecord().retryable()).isFalse();
        assertThat(failed.getFailedRecord().message()).contains("not retried, as the create may have been applied");
        assertThat(calls("POST", "/v1/klasses/order")).isEqualTo(1);
    }

    @Test
    void aCreateWithExternalIdLooksItUpBeforeTryingAgain() {
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.status(500, SERVER_ERROR));

        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1", "externalId", "o-1"));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.kobjects("order")).hasSize(1);
        assertThat(calls("POST", "/v1/klasses/order")).isEqualTo(2);
        assertThat(calls("GET", "/v1/klasses/order/externalId=o-1")).isEqualTo(1);
    }

    @Test
    void aCreateWithExternalIdStillFailingAfterItsRetriesIsNotReportedRetryable() {
        // every POST and lookup answers 500: the first create may have been applied, so no re-drive may repeat it
        simulator.faults().failNext("/v1/klasses/order.*", 20, Fault.status(500, SERVER_ERROR));

        Exchange exchange = send("kustomer:kobjects?klass=order&maxRetries=1",
                Map.of("title", "Order 1", "externalId", "o-9"));

        RecordFailedException failed = (RecordFailedException) exchange.getException();
        assertThat(failed.getFailedRecord().httpStatus()).isEqualTo(500);
        assertThat(failed.getFailedRecord().retryable()).isFalse();
        assertThat(failed.getFailedRecord().message()).contains("use operation=upsert");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByItsExternalIdAndNotCreatedTwice() {
        // Kustomer stores the record, but its answer arrives after the client gave up waiting
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.delay(Duration.ofMillis(1_500)));

        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1", "externalId", "o-1"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(KustomerConstants.ID))
                .isEqualTo(simulator.findKObjectByExternalId("order", "o-1").orElseThrow().id());
        assertThat(simulator.kobjects("order")).hasSize(1);
        assertThat(calls("POST", "/v1/klasses/order")).isEqualTo(1);
        assertThat(calls("GET", "/v1/klasses/order/externalId=o-1")).isEqualTo(1);
    }

    @Test
    void aResetConnectionOnACreateWithoutExternalIdIsReportedNotReplayed() {
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.connectionReset());

        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1"));

        RecordFailedException failed = (RecordFailedException) exchange.getException();
        assertThat(failed.getFailedRecord().httpStatus()).isNull();
        assertThat(failed.getFailedRecord().retryable()).isFalse();
        assertThat(calls("POST", "/v1/klasses/order")).isEqualTo(1);
    }

    @Test
    void readsAndUpdatesAreRetriedAfterA5xx() {
        String id = createCustomer("Ada");
        simulator.faults().failNext("/v1/customers/" + id, 1, Fault.status(503, SERVER_ERROR));
        Exchange read = send("kustomer:customers?operation=get", null, Map.of(KustomerConstants.ID, id));
        simulator.faults().failNext("/v1/customers/" + id, 1, Fault.status(500, SERVER_ERROR));
        Exchange updated = send("kustomer:customers?operation=update", Map.of("name", "Ada L."),
                Map.of(KustomerConstants.ID, id));

        assertThat(read.getException()).isNull();
        assertThat(read.getMessage().getBody(Map.class)).containsEntry("id", id);
        assertThat(updated.getException()).isNull();
        assertThat(calls("GET", "/v1/customers/" + id)).isEqualTo(2);
        assertThat(calls("PATCH", "/v1/customers/" + id)).isEqualTo(2);
        assertThat(simulator.customers().get(0).attribute("name")).isEqualTo("Ada L.");
    }

    @Test
    void a429IsRetriedEvenForACreateAtTheTimeTheServerNames() {
        simulator.faults().failNext("/v1/klasses/order", 1, new Fault.Status(429,
                "{\"errors\":[{\"status\":429,\"code\":\"rate_limited\",\"title\":\"slow down\"}]}",
                Map.of("Content-Type", "application/json", "Retry-After", "1")));
        long start = System.nanoTime();

        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1"));

        assertThat(exchange.getException()).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(900).toNanos());
        assertThat(simulator.kobjects("order")).hasSize(1);
        assertThat(calls("POST", "/v1/klasses/order")).isEqualTo(2);
    }

    /** Requests that reached the simulator, injected faults included. */
    static long calls(String method, String url) {
        return simulator.wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getMethod().getName().equals(method)
                        && event.getRequest().getUrl().equals(url))
                .count();
    }
}
