package io.github.camelsaas.benchmarks.kustomer;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.workload.Camel;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;

/**
 * 2(a): every KObject as its own exchange into {@code kustomer:kobjects}, configured with the limits the
 * simulator enforces (org requests and creates per customer per window); the component schedules the calls.
 * A fresh Camel context per run, so no run inherits another's rate-limit history.
 */
public final class ComponentThrottled implements Variant {

    private final KustomerTarget kustomer;

    public ComponentThrottled(KustomerTarget kustomer) {
        this.kustomer = kustomer;
    }

    @Override
    public String id() {
        return "2a";
    }

    @Override
    public String label() {
        return "kustomer:, 1 KObject/exchange";
    }

    @Override
    public Measurement run() throws Exception {
        KustomerLimits limits = kustomer.limits();
        List<String> customers = kustomer.prepareRun();
        String uri = "kustomer:kobjects?klass=" + KustomerTarget.KLASS + "&baseUrl=" + kustomer.baseUrl()
                + "&apiKey=" + KustomerSimulator.DEMO_API_KEY + "&requestsPerMinute=" + limits.org()
                + "&customerCreatesPerMinute=" + limits.perCustomer() + "&rateLimitWindow="
                + limits.window().toMillis();
        try (CamelContext camel = Camel.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:kobjects").to(uri);
            }
        })) {
            long start = System.nanoTime();
            long failed = ThrottledSends.sendAll(camel, "direct:kobjects", limits.records(), customers,
                    "CamelKustomerCustomerId");
            long elapsed = System.nanoTime() - start;
            return kustomer.measurement(customers, elapsed, failed);
        }
    }
}
