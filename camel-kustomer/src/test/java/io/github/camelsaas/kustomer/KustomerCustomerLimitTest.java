package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * Kustomer's 120 creates per customer per minute, on a 1 s window: the server (the simulator, enforcing the same
 * limit on a sliding window) must never count more than the limit in any window, and so never answer 429.
 */
class KustomerCustomerLimitTest extends KustomerSimulatorTestSupport {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    @Test
    void twoHundredFiftyKObjectsOneByOneStayWithinTheCustomerLimit() {
        String customer = prepare();
        Exchange exchange = send("kustomer:kobjects?klass=order&bulk=false",
                orders(250, false), Map.of(KustomerConstants.CUSTOMER_ID, customer));

        // the limit is used, not just respected: a full window's worth at once, never more
        assertAllCreated(exchange, customer, 120);
        assertThat(simulator.stats().calls("POST /v1/customers/{id}/klasses/{name}")).isEqualTo(250);
    }

    @Test
    void twoHundredFiftyKObjectsInBulkStayWithinTheCustomerLimitCountingEachItem() {
        String customer = prepare();
        Exchange exchange = send("kustomer:kobjects?klass=order", orders(250, false),
                Map.of(KustomerConstants.CUSTOMER_ID, customer));

        // a second chunk of 100 cannot join the first within a window of 120: the busiest window holds 100
        assertAllCreated(exchange, customer, 100);
        // 100 + 100 + 50 items; the simulator counts each bulk item against its customer, as the component assumes
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}/bulk")).isEqualTo(3);
    }

    @Test
    void importedKObjectsSkipTheCustomerLimit() {
        String customer = prepare(120, Duration.ofSeconds(30));
        long start = System.nanoTime();
        Exchange exchange = send("kustomer:kobjects?klass=order&bulk=false",
                orders(250, true), Map.of(KustomerConstants.CUSTOMER_ID, customer));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.kobjects("order")).hasSize(250);
        // held to 120 per 30 s, the last 10 would have waited a minute; imported ones take no customer permit
        assertThat(elapsedMillis).isLessThan(15_000);
        assertThat(simulator.customerTooManyRequests()).isZero();
    }

    @Test
    void importedNotesStillTakeTheirCustomersPermits() {
        String customer = prepare(2, Duration.ofMillis(500));
        String conversation = send("kustomer:conversations", Map.of("customer", customer))
                .getMessage().getHeader(KustomerConstants.ID, String.class);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notes.add(Map.of("conversation", conversation, "body", "note " + i, "importedAt", "2024-01-01T00:00:00Z"));
        }
        long start = System.nanoTime();
        Exchange exchange = send("kustomer:notes?bulk=false",
                notes, Map.of(KustomerConstants.CUSTOMER_ID, customer));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.notes()).hasSize(5);
        // 5 notes at 2 per 500 ms need two more windows after the first
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_000);
        assertThat(simulator.maxCustomerCreatesInAnyWindow(customer, Duration.ofMillis(500))).isLessThanOrEqualTo(2);
        assertThat(simulator.customerTooManyRequests()).isZero();
    }

    private String prepare() {
        return prepare(120, WINDOW);
    }

    /** The same customer limit on both sides, no org limit (this test is about the customer's); a new customer. */
    private String prepare(int customerCreates, Duration window) {
        simulator.setOrgLimit(0, window);
        simulator.setCustomerCreateLimit(customerCreates, window);
        KustomerConfiguration limits = component().getConfiguration();
        limits.setCustomerCreatesPerMinute(customerCreates);
        // the org's cap on calls in flight (per org since 0.1.0: set on the component, where the limits are)
        limits.setMaxConcurrentRequests(8);
        limits.setRateLimitWindow(window.toMillis());
        limits.setRequestsPerMinute(100_000);
        return createCustomer("Ada");
    }

    private static void assertAllCreated(Exchange exchange, String customer, int busiestWindow) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(250);
        assertThat(simulator.kobjects("order")).hasSize(250)
                .allSatisfy(kobject -> assertThat(kobject.customerId()).isEqualTo(customer));
        assertThat(simulator.maxCustomerCreatesInAnyWindow(customer, WINDOW)).isEqualTo(busiestWindow);
        assertThat(simulator.customerTooManyRequests()).isZero();
        assertThat(simulator.stats().tooManyRequests()).isZero();
    }

    private static List<Map<String, Object>> orders(int count, boolean imported) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("title", "Order " + i);
            order.put("custom", Map.of("totalNum", i));
            if (imported) {
                order.put("importedAt", "2024-01-01T00:00:00Z");
            }
            orders.add(order);
        }
        return orders;
    }
}
