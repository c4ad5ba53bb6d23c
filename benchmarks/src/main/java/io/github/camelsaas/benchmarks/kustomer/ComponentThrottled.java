package io.github.camelsaas.benchmarks.kustomer;

import java.util.List;
import java.util.OptionalInt;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.workload.Camel;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;

/**
 * 2(a) and 2(c): every KObject as its own exchange into {@code kustomer:kobjects}, configured with the limits the
 * simulator enforces (org requests and creates per customer per window); the component schedules the calls.
 * 2(a) goes straight to the simulator with the component's default concurrency; 2(c) goes through a proxy that
 * delays each call, with more calls allowed in flight. A fresh Camel context per run, so no run inherits another's
 * rate-limit history.
 */
public final class ComponentThrottled implements Variant {

    private final String id;
    private final String label;
    private final KustomerTarget kustomer;
    private final KustomerNetwork network;
    private final OptionalInt maxConcurrentRequests;

    private ComponentThrottled(String id, String label, KustomerTarget kustomer, KustomerNetwork network,
                               OptionalInt maxConcurrentRequests) {
        this.id = id;
        this.label = label;
        this.kustomer = kustomer;
        this.network = network;
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** 2(a): on loopback, the component's defaults apart from the limits. */
    public static ComponentThrottled direct(KustomerTarget kustomer) {
        return new ComponentThrottled("2a", "kustomer:, 1 KObject/exchange", kustomer,
                KustomerNetwork.direct(kustomer), OptionalInt.empty());
    }

    /**
     * 2(c): through a {@link JitteredNetwork}, with {@code maxConcurrentRequests} raised to the jitter's in-flight
     * count (the default 4 calls of about half the maximum delay each would cap the rate far below the limits').
     */
    public static ComponentThrottled jittered(KustomerTarget kustomer, KustomerJitter jitter) {
        return new ComponentThrottled("2c", "kustomer:, 1 KObject/exchange, 0-" + jitter.maxDelayMillis()
                + " ms jitter", kustomer, new JitteredNetwork(kustomer, jitter.maxDelayMillis()),
                OptionalInt.of(jitter.inFlight()));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Measurement run() throws Exception {
        KustomerLimits limits = kustomer.limits();
        List<String> customers = kustomer.prepareRun();
        try (KustomerNetwork.Link link = network.open()) {
            String uri = "kustomer:kobjects?klass=" + KustomerTarget.KLASS + "&baseUrl=" + link.baseUrl()
                    + "&apiKey=" + KustomerSimulator.DEMO_API_KEY + "&requestsPerMinute=" + limits.org()
                    + "&customerCreatesPerMinute=" + limits.perCustomer() + "&rateLimitWindow="
                    + limits.window().toMillis()
                    + (maxConcurrentRequests.isPresent()
                            ? "&maxConcurrentRequests=" + maxConcurrentRequests.getAsInt() : "");
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
                return kustomer.measurement(customers, elapsed, failed, link.runFacts());
            }
        }
    }
}
