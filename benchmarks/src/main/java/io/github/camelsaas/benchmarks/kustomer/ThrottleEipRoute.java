package io.github.camelsaas.benchmarks.kustomer;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.dataformat.JsonLibrary;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.workload.Camel;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;

/**
 * 2(b): what a user writes without the component: Camel's Throttle EIP set to the same limits (org calls per
 * window, then creates per customer per window with the customer as correlation key, both in total-requests
 * mode, delays scheduled), Jackson, and camel-http to the customer's KObject path. A 429 is redelivered after
 * half a window, up to 10 times, so records are not lost; every 429 is counted.
 */
public final class ThrottleEipRoute implements Variant {

    private final KustomerTarget kustomer;

    public ThrottleEipRoute(KustomerTarget kustomer) {
        this.kustomer = kustomer;
    }

    @Override
    public String id() {
        return "2b";
    }

    @Override
    public String label() {
        return "camel-http + Throttle EIP (same limits)";
    }

    @Override
    public Measurement run() throws Exception {
        KustomerLimits limits = kustomer.limits();
        List<String> customers = kustomer.prepareRun();
        long window = limits.window().toMillis();
        String base = kustomer.baseUrl();
        try (CamelContext camel = Camel.start(new RouteBuilder() {
            @Override
            public void configure() {
                onException(HttpOperationFailedException.class)
                        .onWhen(e -> {
                            HttpOperationFailedException failure = e.getException(HttpOperationFailedException.class);
                            return failure != null && failure.getStatusCode() == 429;
                        })
                        .maximumRedeliveries(10).redeliveryDelay(window / 2).asyncDelayedRedelivery();
                from("direct:kobjects")
                        .throttle(limits.org()).totalRequestsMode().timePeriodMillis(window).asyncDelayed()
                        .throttle(limits.perCustomer()).totalRequestsMode().timePeriodMillis(window)
                            .correlationExpression(header("customerId")).asyncDelayed()
                        .marshal().json(JsonLibrary.Jackson)
                        .setHeader("Authorization", constant("Bearer " + KustomerSimulator.DEMO_API_KEY))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .toD(base + "/v1/customers/${header.customerId}/klasses/" + KustomerTarget.KLASS);
            }
        })) {
            long start = System.nanoTime();
            long failed = ThrottledSends.sendAll(camel, "direct:kobjects", limits.records(), customers, "customerId");
            long elapsed = System.nanoTime() - start;
            return kustomer.measurement(customers, elapsed, failed);
        }
    }
}
