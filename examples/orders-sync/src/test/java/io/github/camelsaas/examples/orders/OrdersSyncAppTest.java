package io.github.camelsaas.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelsaas.simulator.kustomer.StoredObject;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;
import org.junit.jupiter.api.Test;

/**
 * The README's first command on the whole sample, against the simulators with the real limits on a one-second
 * window instead of a minute: every order lands in both systems, Zuora in ceil(2000/1000) calls, the Kustomer org
 * limit is reached and waited out, and no 429 comes back.
 */
class OrdersSyncAppTest {

    @Test
    void everyOrderLandsInBothSystemsBatchedAndThrottled() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (EmbeddedSimulators simulators = new EmbeddedSimulators(Duration.ofSeconds(1))) {
            simulators.start();
            exitCode = OrdersSyncApp.run(Settings.fromEnvironment(Map.of()), simulators, Duration.ofMillis(200),
                    new PrintStream(output, true, StandardCharsets.UTF_8));

            assertThat(exitCode).as(output.toString(StandardCharsets.UTF_8)).isZero();
            // Zuora: every order stored once, in two calls of 1,000
            assertThat(simulators.zuora.count(OrderMapping.ZUORA_OBJECT)).isEqualTo(2000);
            assertThat(simulators.zuora.records(OrderMapping.ZUORA_OBJECT).stream()
                    .map(record -> record.get("OrderId__c")).distinct().count()).isEqualTo(2000);
            assertThat(simulators.zuora.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).isEqualTo(2);
            assertThat(simulators.zuora.maxRecordsInOneCreate()).isEqualTo(1000);

            // Kustomer: one KObject per order, each linked to its customer, every customer written once
            assertThat(simulators.kustomer.kobjects(OrderMapping.KLASS)).hasSize(2000);
            Set<String> customerIds = simulators.kustomer.customers().stream().map(StoredObject::id)
                    .collect(Collectors.toSet());
            assertThat(customerIds).hasSize(148);
            assertThat(simulators.kustomer.kobjects(OrderMapping.KLASS))
                    .allSatisfy(order -> assertThat(customerIds).contains(order.customerId()));

            // throttled, never refused: the run needs more calls than one window allows and saw no 429
            assertThat(simulators.kustomer.stats().totalCalls())
                    .isGreaterThan(EmbeddedSimulators.KUSTOMER_ORG_LIMIT);
            assertThat(simulators.kustomer.stats().tooManyRequests()).isZero();
            assertThat(simulators.zuora.stats().tooManyRequests()).isZero();
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("embedded simulator")
                .contains("| Kustomer |    2000 |    2000 |      0 |")
                .contains("| Zuora    |    2000 |    2000 |      0 |     2 |             0 |")
                .contains("every record created");
    }
}
