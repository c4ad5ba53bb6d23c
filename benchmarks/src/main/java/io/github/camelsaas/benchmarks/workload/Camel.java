package io.github.camelsaas.benchmarks.workload;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** Camel contexts for the variants: plain, no JMX, routes added before start. */
public final class Camel {

    private Camel() {
    }

    public static CamelContext start(RouteBuilder routes) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext(false);
        context.disableJMX();
        context.addRoutes(routes);
        context.start();
        return context;
    }
}
