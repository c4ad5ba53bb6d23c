package io.github.camelsaas.examples.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.kustomer.StoredObject;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * Runs the application as {@code main} does (application.properties, the YAML routes, camel-main), against the
 * embedded simulators, and checks what the simulators stored. {@code Main.run} returns once {@code load-orders}
 * is done (the {@link StopWhenDone} route policy), so nothing here waits on a clock.
 */
class YamlRoutesTest {

    private static final int ORDERS = 12;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyOrderOfTheSampleLandsInKustomerAndZuoraAsListBodies() throws Exception {
        try (EmbeddedSimulators simulators = EmbeddedSimulators.forMissingCredentials(Map.of())) {
            Main main = new Main(YamlRoutesApp.class);
            StopWhenDone stopWhenDone = YamlRoutesApp.configure(main, simulators);
            // a property placeholder overridden like any other: 12 records in calls of 5
            main.addOverrideProperty("zuora.batchSize", "5");
            main.addOverrideProperty("orders.startDelay", "0");

            main.run();

            assertThat(stopWhenDone.exitCode()).as("exit code of the run").isZero();
            KustomerSimulator kustomer = simulators.kustomer.orElseThrow();
            ZuoraSimulator zuora = simulators.zuora.orElseThrow();

            // Kustomer: one KObject per order, all in one bulk call, each linked to its upserted customer
            assertThat(kustomer.kobjectCount("order")).isEqualTo(ORDERS);
            assertThat(kustomer.stats().calls("POST /v1/klasses/{name}/bulk")).isEqualTo(1);
            assertThat(kustomer.customers()).as("11 distinct customers; cust-0098 ordered twice")
                    .hasSize(11);
            StoredObject order = kustomer.findKObjectByExternalId("order", "ord-100453").orElseThrow();
            assertThat(order.attribute("title")).isEqualTo("Order ord-100453");
            assertThat(order.custom()).containsEntry("amountNum", 232.94)
                    .containsEntry("currencyStr", "EUR")
                    .containsEntry("orderedAtAt", "2026-09-01T02:27:00Z")
                    .containsEntry("giftWrapBool", false);
            StoredObject leo = kustomer.findCustomerByExternalId("cust-0098").orElseThrow();
            assertThat(leo.attribute("name")).isEqualTo("Leo Rossi");
            assertThat(order.customerId()).isEqualTo(leo.id());
            assertThat(kustomer.kobjects("order")).filteredOn(k -> leo.id().equals(k.customerId()))
                    .hasSize(2);
            assertThat(kustomer.stats().tooManyRequests()).isZero();

            // Zuora: one record per order, the list body cut into ceil(12 / 5) = 3 create calls
            assertThat(zuora.count("Order")).isEqualTo(ORDERS);
            assertThat(zuora.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).isEqualTo(3);
            assertThat(zuora.maxRecordsInOneCreate()).isEqualTo(5);
            assertThat(zuora.records("Order"))
                    .filteredOn(r -> "ord-101917".equals(r.get("OrderId__c")))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(((Number) r.get("Amount__c")).doubleValue()).isEqualTo(402.26);
                        assertThat(r).containsEntry("CustomerId__c", "cust-0011")
                                .containsEntry("Status__c", "paid");
                        assertThat(((Number) r.get("Items__c")).intValue()).isEqualTo(5);
                    });
            assertThat(zuora.stats().tooManyRequests()).isZero();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRefusedKeyFailsTheRunWithExitCodeOne() throws Exception {
        try (EmbeddedSimulators simulators = EmbeddedSimulators.forMissingCredentials(Map.of())) {
            Main main = new Main(YamlRoutesApp.class);
            StopWhenDone stopWhenDone = YamlRoutesApp.configure(main, simulators);
            main.addOverrideProperty("kustomer.apiKey", "not-a-key-the-simulator-knows");
            main.addOverrideProperty("orders.startDelay", "0");

            main.run();

            assertThat(stopWhenDone.exitCode()).isEqualTo(1);
            assertThat(simulators.kustomer.orElseThrow().kobjectCount("order")).isZero();
        }
    }
}
