package io.github.camelsaas.benchmarks.kustomer;

import java.util.List;
import java.util.OptionalInt;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.dataformat.JsonLibrary;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.workload.Camel;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;

/**
 * 2(b) and 2(d): what a user writes without the component: Camel's Throttle EIP set to the same limits (org calls
 * per window, then creates per customer per window with the customer as correlation key, both in total-requests
 * mode, delays scheduled), Jackson, and camel-http to the customer's KObject path. A 429 is redelivered after
 * half a window, up to 10 times, so records are not lost; every 429 is counted.
 *
 * <p>2(b) goes straight to the simulator and is left as it always was: the calls run on the thread that released
 * them (the caller's for the first window, the throttles' scheduler afterwards). 2(d) goes through a proxy that
 * delays each call, so one call at a time could not reach the rate: after the throttles a {@code threads} pool
 * of the jitter's in-flight size makes the calls, on a camel-http pool of as many connections; the same in-flight
 * count as 2(c)'s component.
 */
public final class ThrottleEipRoute implements Variant {

    private final String id;
    private final String label;
    private final KustomerTarget kustomer;
    private final KustomerNetwork network;
    private final OptionalInt inFlight;

    private ThrottleEipRoute(String id, String label, KustomerTarget kustomer, KustomerNetwork network,
                             OptionalInt inFlight) {
        this.id = id;
        this.label = label;
        this.kustomer = kustomer;
        this.network = network;
        this.inFlight = inFlight;
    }

    /** 2(b): on loopback, calls on the releasing thread. */
    public static ThrottleEipRoute direct(KustomerTarget kustomer) {
        return new ThrottleEipRoute("2b", "camel-http + Throttle EIP (same limits)", kustomer,
                KustomerNetwork.direct(kustomer), OptionalInt.empty());
    }

    /** 2(d): through a {@link JitteredNetwork}, with {@code jitter.inFlight()} calls at once. */
    public static ThrottleEipRoute jittered(KustomerTarget kustomer, KustomerJitter jitter) {
        return new ThrottleEipRoute("2d", "camel-http + Throttle EIP, 0-" + jitter.maxDelayMillis() + " ms jitter",
                kustomer, new JitteredNetwork(kustomer, jitter.maxDelayMillis()), OptionalInt.of(jitter.inFlight()));
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
        long window = limits.window().toMillis();
        try (KustomerNetwork.Link link = network.open();
             CamelContext camel = Camel.start(route(limits, window, link.baseUrl()))) {
            long start = System.nanoTime();
            long failed = ThrottledSends.sendAll(camel, "direct:kobjects", limits.records(), customers, "customerId");
            long elapsed = System.nanoTime() - start;
            return kustomer.measurement(customers, elapsed, failed, link.runFacts());
        }
    }

    private RouteBuilder route(KustomerLimits limits, long window, String base) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(HttpOperationFailedException.class)
                        .onWhen(e -> {
                            HttpOperationFailedException failure = e.getException(HttpOperationFailedException.class);
                            return failure != null && failure.getStatusCode() == 429;
                        })
                        .maximumRedeliveries(10).redeliveryDelay(window / 2).asyncDelayedRedelivery();
                ProcessorDefinition<?> released = from("direct:kobjects")
                        .throttle(limits.org()).totalRequestsMode().timePeriodMillis(window).asyncDelayed()
                        .throttle(limits.perCustomer()).totalRequestsMode().timePeriodMillis(window)
                            .correlationExpression(header("customerId")).asyncDelayed();
                if (inFlight.isPresent()) {
                    int calls = inFlight.getAsInt();
                    HttpComponent http = getContext().getComponent("http", HttpComponent.class);
                    http.setConnectionsPerRoute(calls);
                    http.setMaxTotalConnections(Math.max(calls, http.getMaxTotalConnections()));
                    // a queue as long as the run, so a released exchange always waits for a thread, never runs on
                    // the releasing one (which would serialise the calls again)
                    released = released.threads(calls, calls).maxQueueSize(limits.records())
                            .threadName("kustomer-call");
                }
                released.marshal().json(JsonLibrary.Jackson)
                        .setHeader("Authorization", constant("Bearer " + KustomerSimulator.DEMO_API_KEY))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .toD(base + "/v1/customers/${header.customerId}/klasses/" + KustomerTarget.KLASS);
            }
        };
    }
}
