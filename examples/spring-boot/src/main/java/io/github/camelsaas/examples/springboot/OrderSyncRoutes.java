package io.github.camelsaas.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.github.camelsaas.kustomer.KustomerConstants;

/**
 * {@code direct:syncOrder} takes one order ({@code Map}) and writes it as a Kustomer KObject of klass
 * {@code order}, then as a Zuora {@code Order} record. The answer is a {@code Map} with the order number and the
 * id each system gave it. A record either system refuses fails the exchange (the caller sees the exception); an
 * order Kustomer refuses is not sent to Zuora.
 *
 * <p>The endpoint URIs carry no credentials, URL or limit: those are set once on the components, from
 * {@code application.yaml}.
 */
@Component
public class OrderSyncRoutes extends RouteBuilder {

    static final String ORDER = "order";

    @Override
    public void configure() {
        from("direct:syncOrder").routeId("sync-order")
                .setProperty(ORDER, body())
                .bean(OrderMapping.class, "toKObject")
                .to("kustomer:kobjects?klass=order")
                .setProperty("kustomerId", header(KustomerConstants.ID))
                .setBody(exchangeProperty(ORDER))
                .bean(OrderMapping.class, "toZuoraRecord")
                .to("zuora-objects:Order")
                .process(OrderSyncRoutes::answer)
                .log("order ${body[orderNumber]}: Kustomer ${body[kustomerId]}, Zuora ${body[zuoraId]}");
    }

    private static void answer(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> order = exchange.getProperty(ORDER, Map.class);
        // a single-record create answers the created record, with Zuora's Id
        Map<?, ?> created = exchange.getMessage().getBody(Map.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orderNumber", order.get("orderNumber"));
        answer.put("kustomerId", exchange.getProperty("kustomerId", String.class));
        answer.put("zuoraId", created.get("Id"));
        exchange.getMessage().setBody(answer);
    }
}
