package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.simulator.common.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** List bodies through /bulk: chunking by count and bytes, refused chunks taken apart, 413 split, input order kept. */
class KustomerBulkTest extends KustomerSimulatorTestSupport {

    @Test
    void twoBadItemsInAChunkOfHundredAreIsolatedAndEveryGoodItemIsCreated() {
        List<Map<String, Object>> orders = orders(100);
        // both break Kustomer's rules; validate=false lets them reach the server, which refuses the whole chunk
        orders.get(17).put("custom", Map.of("priceNum", "twelve"));
        orders.get(63).remove("title");

        Exchange exchange = send("kustomer:kobjects?klass=order&validate=false&failOnPartialFailure=false", orders);

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.kobjects("order")).hasSize(98);
        List<?> created = exchange.getMessage().getBody(List.class);
        assertThat(created).hasSize(98);
        assertThat(((Map<?, ?>) created.get(17)).get("title")).isEqualTo("Order 19");
        @SuppressWarnings("unchecked")
        List<FailedRecord> failed = exchange.getMessage().getHeader(KustomerConstants.FAILED_RECORDS, List.class);
        assertThat(failed).extracting(FailedRecord::index).containsExactly(17, 63);
        assertThat(failed).allSatisfy(f -> assertThat(f.httpStatus()).isEqualTo(400));
        assertThat(failed.get(0).message()).contains("custom/priceNum must be a number");
        assertThat(failed.get(1).message()).contains("title is required");
        assertThat(failed.get(0).record()).isEqualTo(orders.get(17));
        // 100 refused (names #17) -> [0-16] ok, [17] refused, [18-99] refused (names #63) -> [18-62] ok, [63], [64-99]
        assertThat(bulkCalls()).isEqualTo(7);
    }

    @Test
    void aRefusalWithoutAPointerIsBisected() {
        simulator.faults().failNext("/v1/klasses/order/bulk", 1, Fault.status(400,
                "{\"errors\":[{\"status\":400,\"code\":\"invalid_request\",\"title\":\"something is wrong\"}]}"));

        Exchange exchange = send("kustomer:kobjects?klass=order", orders(10));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.kobjects("order")).hasSize(10);
        // the refused chunk of 10, then its halves of 5 and 5
        assertThat(bulkCalls()).isEqualTo(3);
    }

    @Test
    void aTooLargeAnswerSplitsTheChunk() {
        simulator.faults().failNext("/v1/klasses/order/bulk", 1, Fault.status(413,
                "{\"errors\":[{\"status\":413,\"code\":\"payload_too_large\",\"title\":\"too large\"}]}"));

        Exchange exchange = send("kustomer:kobjects?klass=order", orders(100));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.kobjects("order")).hasSize(100);
        assertThat(bulkCalls()).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(KustomerConstants.REQUEST_COUNT, Integer.class)).isEqualTo(3);
        assertThat(simulator.bulkJobs()).extracting(job -> job.items().size()).containsExactlyInAnyOrder(50, 50);
    }

    @Test
    void chunksHoldAtMostBulkSizeItemsAndHundredKilobytes() {
        List<Map<String, Object>> orders = orders(250);
        // ~2.5 kB each: a chunk of 100 would be ~250 kB
        orders.forEach(order -> order.put("description", "x".repeat(2_500)));

        Exchange exchange = send("kustomer:kobjects?klass=order", orders);

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.kobjects("order")).hasSize(250);
        List<ServeEvent> bulkCalls = simulator.wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().endsWith("/bulk")).toList();
        assertThat(bulkCalls).allSatisfy(call -> assertThat(call.getRequest().getBody().length)
                .isLessThanOrEqualTo(100_000));
        assertThat(bulkCalls).hasSizeGreaterThanOrEqualTo(7);
        assertThat(simulator.stats().tooManyRequests()).isZero();

        simulator.reset();
        Exchange small = send("kustomer:kobjects?klass=order&bulkSize=30", orders(250));
        assertThat(small.getException()).isNull();
        assertThat(simulator.bulkJobs()).extracting(job -> job.items().size()).allMatch(size -> size <= 30);
        assertThat(bulkCalls()).isEqualTo(9);
        assertThat(small.getMessage().getHeader(KustomerConstants.REQUEST_COUNT, Integer.class)).isEqualTo(9);
    }

    @Test
    void aRecordLargerThanARequestMayBeIsReportedUnsentAndTheOthersAreWritten() {
        List<Map<String, Object>> orders = orders(3);
        orders.get(1).put("data", Map.of("blob", "y".repeat(120_000)));

        Exchange exchange = send("kustomer:kobjects?klass=order", orders);

        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class)
                .hasMessageContaining("1 of 3 records failed").hasMessageContaining("#1");
        PartialFailureException partial = (PartialFailureException) exchange.getException();
        assertThat(partial.getFailedRecords().get(0).message()).contains("over Kustomer's 100 kB request limit");
        assertThat(partial.getFailedRecords().get(0).httpStatus()).isNull();
        // results in input order, whatever order the two calls were answered in
        assertThat(partial.getSucceeded().stream().map(result -> (Object) ((Map<?, ?>) result).get("title")))
                .containsExactly("Order 1", "Order 3");
        assertThat(simulator.kobjects("order")).extracting(o -> o.attribute("title"))
                .containsExactlyInAnyOrder("Order 1", "Order 3");
    }

    @Test
    void bulkUpdatesAndTheIdsOfBulkJobs() {
        simulator.setBulkReturnsIds(true);
        Exchange created = send("kustomer:kobjects?klass=order", orders(3));
        List<?> results = created.getMessage().getBody(List.class);
        assertThat(results).allSatisfy(result -> assertThat(((Map<?, ?>) result).get("id")).isNotNull());
        assertThat(created.getMessage().getHeader(KustomerConstants.BULK_JOB_IDS, List.class)).hasSize(1);

        List<Map<String, Object>> updates = new ArrayList<>();
        for (Object result : results) {
            updates.add(Map.of("id", ((Map<?, ?>) result).get("id"), "title", "Shipped"));
        }
        Exchange updated = send("kustomer:kobjects?klass=order&operation=update", updates);

        assertThat(updated.getException()).isNull();
        assertThat(simulator.kobjects("order")).extracting(o -> o.attribute("title")).containsOnly("Shipped");
        assertThat(simulator.stats().calls("PUT /v1/klasses/{name}/bulk")).isEqualTo(1);
    }

    @Test
    void bulkFalseSendsOneCallPerRecordWithinTheConcurrencyCap() {
        // each answer takes 100 ms: with 3 calls in flight at most, a 4th call can only arrive once the 1st answered
        simulator.setLatency(java.time.Duration.ofMillis(100));
        try {
            Exchange exchange = send("kustomer:kobjects?klass=order&bulk=false&maxConcurrentRequests=3", orders(12));

            assertThat(exchange.getException()).isNull();
            List<Long> arrivals = simulator.wireMock().getAllServeEvents().stream()
                    .filter(event -> event.getRequest().getUrl().equals("/v1/klasses/order"))
                    .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
            assertThat(arrivals).hasSize(12);
            for (int i = 3; i < arrivals.size(); i++) {
                assertThat(arrivals.get(i) - arrivals.get(i - 3)).as("calls %d and %d", i - 3, i)
                        .isGreaterThanOrEqualTo(90);
            }
            // and the cap is used: calls overlap
            assertThat(arrivals.get(2) - arrivals.get(0)).isLessThan(90);
            List<?> results = exchange.getMessage().getBody(List.class);
            // results in input order, each the created KObject
            for (int i = 0; i < 12; i++) {
                assertThat(((Map<?, ?>) ((Map<?, ?>) results.get(i)).get("attributes")).get("title"))
                        .isEqualTo("Order " + (i + 1));
            }
        } finally {
            simulator.setLatency(java.time.Duration.ZERO);
        }
    }

    /** Bulk creates that reached the server, injected faults included (the simulator's stats skip those). */
    private static long bulkCalls() {
        return simulator.wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getMethod().getName().equals("POST")
                        && event.getRequest().getUrl().equals("/v1/klasses/order/bulk"))
                .count();
    }

    static List<Map<String, Object>> orders(int count) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("title", "Order " + i);
            order.put("externalId", "order-" + i);
            orders.add(order);
        }
        return orders;
    }
}
