package io.github.camelsaas.reliability;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Sends each message through a route {@code direct:rN -> uri} (one route per URI, added on first use), so Camel's
 * send processor runs as it does in an application, and shows every exchange to a {@link SecretExposures}.
 */
final class RoutedSender {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Map<String, String> routes = new HashMap<>();
    private int routeIds;

    /** @param context a started context */
    RoutedSender(CamelContext context) {
        this.context = context;
        this.template = context.createProducerTemplate();
    }

    Exchange send(String uri, Object body, Map<String, Object> headers, SecretExposures seen, String what) {
        Exchange exchange = Exchanges.send(template, routeTo(uri), body, headers);
        seen.exchange(what, exchange);
        return exchange;
    }

    private String routeTo(String uri) {
        return routes.computeIfAbsent(uri, u -> {
            String direct = "direct:r" + ++routeIds;
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(direct).to(u);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return direct;
        });
    }
}
