package io.github.camelsaas.reliability.serverclock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.simulator.common.DelayingProxy;
import io.github.camelsaas.simulator.common.WindowMode;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** One run against a fresh ZuoraSimulator behind a {@link DelayingProxy}, as {@link KustomerRuns} does. */
final class ZuoraRuns {

    static final Duration WINDOW = Duration.ofSeconds(1);
    static final int TENANT_REQUESTS = 10;
    private static final String RECORDS_PATH = "/objects/records/default/Order";

    private ZuoraRuns() {
    }

    /**
     * "No client limit" for the control runs: a limit no run reaches (0 would adopt the limit the simulator states in
     * RateLimit-Limit, which is the client limit again).
     */
    private static final int NO_LIMIT = 1_000_000;

    /** 21 single-record creates (one call each), at 10 calls per tenant per second; the token call is not limited. */
    static LimitRun tenantCalls(long seed, Network network, boolean clientLimit) throws Exception {
        try (ZuoraSimulator simulator = new ZuoraSimulator()) {
            simulator.start();
            simulator.registerObject("Order");
            simulator.setRateLimit(TENANT_REQUESTS, WINDOW, WindowMode.SLIDING);
            try (DelayingProxy proxy = network.proxyTo(simulator.port(), seed);
                 CamelContext context = context(proxy, clientLimit ? TENANT_REQUESTS : NO_LIMIT)) {
                ProducerTemplate template = context.createProducerTemplate();
                List<CompletableFuture<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < 21; i++) {
                    Map<String, Object> order = Map.of("OrderNumber__c", "o-" + seed + "-" + i, "Amount__c", i);
                    sent.add(template.asyncSend("zuora-objects:Order", exchange -> exchange.getMessage()
                            .setBody(order)));
                }
                int failed = KustomerRuns.failures(sent);
                List<Long> arrivals = proxy.arrivals("POST", RECORDS_PATH::equals).stream()
                        .map(DelayingProxy.Arrival::atMillis).toList();
                return new LimitRun(seed, TENANT_REQUESTS, WINDOW.toMillis(), arrivals,
                        simulator.stats().tooManyRequests(), failed);
            }
        }
    }

    private static CamelContext context(DelayingProxy proxy, int requestsPerWindow) {
        CamelContext context = new DefaultCamelContext();
        ZuoraObjectsConfiguration shared = context.getComponent("zuora-objects", ZuoraObjectsComponent.class)
                .getConfiguration();
        shared.setBaseUrl(proxy.baseUrl());
        shared.setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
        shared.setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
        shared.setRequestsPerMinute(requestsPerWindow);
        shared.setRateLimitWindow(WINDOW.toMillis());
        context.start();
        return context;
    }
}
