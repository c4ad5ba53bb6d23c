package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A list of 10,000 records is a large input, not a bad one: it is cut into as few calls as the API allows (Kustomer
 * bulk: 100 items; Zuora: 1,000 records), never refused, and every record is stored.
 */
class TenThousandRecordsTest {

    static final int RECORDS = 10_000;

    CamelContext context;

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void kustomerWritesThemInAHundredBulkCallsOfAHundred() {
        try (KustomerSimulator kustomer = new KustomerSimulator()) {
            kustomer.start();
            context = KustomerHarness.startedDemoContext(kustomer.baseUrl());

            Exchange exchange = context.createProducerTemplate().send("kustomer:kobjects?klass=order",
                    e -> e.getMessage().setBody(records("title", "externalId")));

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(List.class)).hasSize(RECORDS);
            assertThat(kustomer.stats().calls("POST /v1/klasses/{name}/bulk")).isEqualTo(ceil(RECORDS, 100));
            assertThat(kustomer.stats().totalCalls()).isEqualTo(ceil(RECORDS, 100));
            assertThat(kustomer.bulkJobs()).allSatisfy(job -> assertThat(job.items()).hasSize(100));
            assertThat(kustomer.bulkJobs().stream().mapToInt(job -> job.items().size()).sum()).isEqualTo(RECORDS);
            assertThat(kustomer.kobjectCount("order")).isEqualTo(RECORDS);
        }
    }

    @Test
    void zuoraWritesThemInTenCallsOfAThousand() {
        try (ZuoraSimulator zuora = new ZuoraSimulator()) {
            zuora.start();
            context = ZuoraHarness.startedDemoContext(zuora, shared -> { });

            Exchange exchange = context.createProducerTemplate().send("zuora-objects:Order",
                    e -> e.getMessage().setBody(records("Name__c", "OrderNumber__c")));

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(List.class)).hasSize(RECORDS);
            assertThat(zuora.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).isEqualTo(ceil(RECORDS, 1000));
            assertThat(zuora.maxRecordsInOneCreate()).isEqualTo(1000);
            assertThat(zuora.count("Order")).isEqualTo(RECORDS);
        }
    }

    private static List<Map<String, Object>> records(String nameField, String idField) {
        List<Map<String, Object>> records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            records.add(Map.of(nameField, "Order " + i, idField, "o-" + i));
        }
        return records;
    }

    private static long ceil(int records, int perCall) {
        return (records + perCall - 1) / perCall;
    }
}
