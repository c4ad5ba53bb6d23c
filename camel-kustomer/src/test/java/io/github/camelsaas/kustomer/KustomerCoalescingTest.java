package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.common.failure.RecordFailedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** batchWindow: single-record creates of many exchanges share bulk calls; each exchange gets its own outcome. */
class KustomerCoalescingTest extends KustomerSimulatorTestSupport {

    private static final String URI = "kustomer:kobjects?klass=order&batchWindow=300ms&validate=false";

    @Test
    void concurrentSingleCreatesShareOneBulkCallAndEachGetsItsOwnOutcome() throws Exception {
        String customer = createCustomer("Ada");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // one of them breaks Kustomer's rules: only its own exchange fails
            Map<String, Object> order = i == 4 ? Map.of("title", "Order 4", "custom", Map.of("totalNum", "x"))
                    : Map.of("title", "Order " + i);
            sent.add(template.asyncSend(URI, exchange -> {
                exchange.getMessage().setBody(order);
                exchange.getMessage().setHeader(KustomerConstants.CUSTOMER_ID, customer);
            }));
        }

        for (int i = 0; i < 10; i++) {
            Exchange exchange = sent.get(i).get(10, TimeUnit.SECONDS);
            if (i == 4) {
                assertThat(exchange.getException()).isInstanceOf(RecordFailedException.class)
                        .hasMessageContaining("custom/totalNum must be a number");
                assertThat(((RecordFailedException) exchange.getException()).getFailedRecord().index()).isZero();
            } else {
                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("title", "Order " + i)
                        .containsEntry("customer", customer);
                assertThat(exchange.getMessage().getHeader(KustomerConstants.BULK_JOB_IDS, List.class)).isNotEmpty();
            }
        }
        assertThat(simulator.kobjects("order")).hasSize(9)
                .allSatisfy(kobject -> assertThat(kobject.customerId()).isEqualTo(customer));
        // the batch of 10 was refused for one item and taken apart; no create went one by one
        assertThat(simulator.stats().calls("POST /v1/customers/{id}/klasses/{name}")).isZero();
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}")).isZero();
        assertThat(simulator.bulkJobs()).hasSizeLessThanOrEqualTo(3);
    }
}
