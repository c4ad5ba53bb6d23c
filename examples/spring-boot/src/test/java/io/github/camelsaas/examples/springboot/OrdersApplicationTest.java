package io.github.camelsaas.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.SecurityPolicyResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.kustomer.KustomerConfiguration;
import io.github.camelsaas.kustomer.KustomerValidationException;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.kustomer.StoredObject;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;

/**
 * The whole application against both simulators. Only the environment placeholders of application.yaml are given
 * here (as the environment variables a deployment would set): every other component option comes from the file.
 * The startup samples are off: each test sends its own orders.
 */
@SpringBootTest(properties = "orders.samples=0")
class OrdersApplicationTest {

    static final KustomerSimulator KUSTOMER = new KustomerSimulator();
    static final ZuoraSimulator ZUORA = new ZuoraSimulator();

    @DynamicPropertySource
    static void simulators(DynamicPropertyRegistry registry) {
        KUSTOMER.start();
        ZUORA.registerObject("Order");
        ZUORA.start();
        registry.add("KUSTOMER_API_KEY", () -> KustomerSimulator.DEMO_API_KEY);
        registry.add("KUSTOMER_BASE_URL", KUSTOMER::baseUrl);
        registry.add("ZUORA_CLIENT_ID", () -> ZuoraSimulator.DEMO_CLIENT_ID);
        registry.add("ZUORA_CLIENT_SECRET", () -> ZuoraSimulator.DEMO_CLIENT_SECRET);
        registry.add("ZUORA_BASE_URL", ZUORA::baseUrl);
    }

    @AfterAll
    static void stopSimulators() {
        KUSTOMER.stop();
        ZUORA.stop();
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @BeforeEach
    void emptySimulators() {
        KUSTOMER.reset();
        ZUORA.reset();
    }

    @Test
    void componentOptionsComeFromApplicationYaml() {
        KustomerConfiguration kustomer = camel.getComponent("kustomer", KustomerComponent.class).getConfiguration();
        // placeholders resolved from the "environment"
        assertThat(kustomer.getApiKey()).isEqualTo(KustomerSimulator.DEMO_API_KEY);
        assertThat(kustomer.getBaseUrl()).isEqualTo(KUSTOMER.baseUrl());
        // a placeholder's default and a literal of application.yaml (the component defaults are 0 and 4)
        assertThat(kustomer.getRequestsPerMinute()).isEqualTo(300);
        assertThat(kustomer.getMaxConcurrentRequests()).isEqualTo(2);

        ZuoraObjectsConfiguration zuora =
                camel.getComponent("zuora-objects", ZuoraObjectsComponent.class).getConfiguration();
        assertThat(zuora.getClientId()).isEqualTo(ZuoraSimulator.DEMO_CLIENT_ID);
        assertThat(zuora.getClientSecret()).isEqualTo(ZuoraSimulator.DEMO_CLIENT_SECRET);
        assertThat(zuora.getBaseUrl()).isEqualTo(ZUORA.baseUrl());
        assertThat(zuora.getMaxConcurrentRequests()).isEqualTo(4); // the component default is 10
        assertThat(zuora.getTrackId()).isEqualTo("orders-spring-boot");
    }

    @Test
    void noSecretIsSeenAsPlainTextByCamelsSecurityPolicy() {
        // with ${...} for the secrets, Spring would hand the policy resolved values: 3 violations here, and a
        // refused startup under camel.main.profile=prod
        SecurityPolicyResult policy = camel.getCamelContextExtension().getContextPlugin(SecurityPolicyResult.class);
        assertThat(policy).isNotNull();
        assertThat(policy.getViolations()).isEmpty();
    }

    @Test
    void eachOrderBecomesAKObjectAndAZuoraRecord() {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            answers.add(sync(OrderMapping.sample(n)));
        }

        List<StoredObject> kobjects = KUSTOMER.kobjects("order");
        List<Map<String, Object>> records = ZUORA.records("Order");
        assertThat(kobjects).hasSize(5);
        assertThat(records).hasSize(5);

        // the route answers the ids each system gave
        assertThat(answers).extracting(a -> a.get("kustomerId"))
                .containsExactlyInAnyOrderElementsOf(kobjects.stream().map(StoredObject::id).toList());
        assertThat(answers).extracting(a -> a.get("zuoraId"))
                .containsExactlyInAnyOrderElementsOf(records.stream().map(r -> r.get("Id")).toList());

        // what was stored, field by field, for order 3 (EUR, 49.90)
        StoredObject third = KUSTOMER.findKObjectByExternalId("order", "SO-00003").orElseThrow();
        assertThat(third.attribute("title")).isEqualTo("Order SO-00003");
        assertThat(third.custom()).containsEntry("currencyStr", "EUR").containsEntry("statusStr", "paid");
        assertThat(new BigDecimal(third.custom().get("amountNum").toString())).isEqualByComparingTo("49.90");
        Map<String, Object> thirdRecord = records.stream()
                .filter(r -> "SO-00003".equals(r.get("OrderNumber__c"))).findFirst().orElseThrow();
        assertThat(thirdRecord).containsEntry("Currency__c", "EUR").containsEntry("Status__c", "paid")
                .containsEntry("OrderedAt__c", "2026-11-04T11:15:00Z");
        assertThat(new BigDecimal(thirdRecord.get("Amount__c").toString())).isEqualByComparingTo("49.90");

        // the track id of application.yaml went out on the wire
        assertThat(ZUORA.lastTrackId()).contains("orders-spring-boot");
    }

    @Test
    void anOrderKustomerRefusesIsNotSentToZuora() {
        Map<String, Object> order = OrderMapping.sample(7);
        order.put("amount", "lots"); // amountNum must be a number

        assertThatThrownBy(() -> sync(order))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(KustomerValidationException.class)
                .rootCause().hasMessageContaining("amountNum");
        assertThat(KUSTOMER.kobjectCount("order")).isZero();
        assertThat(ZUORA.count("Order")).isZero();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sync(Map<String, Object> order) {
        return producer.requestBody("direct:syncOrder", order, Map.class);
    }
}
