package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class KustomerSmokeTest extends KustomerSimulatorTestSupport {

    @Test
    void createsAKObject() {
        String customer = createCustomer("Ada");
        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1", "externalId", "o-1"),
                Map.of(KustomerConstants.CUSTOMER_ID, customer));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(KustomerConstants.ID, String.class)).isNotBlank();
        assertThat(simulator.kobjects("order")).hasSize(1);
        System.out.println(simulator.stats().callsByRoute());
    }
}
