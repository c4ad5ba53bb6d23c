package io.github.camelsaas.reliability.serverclock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.simulator.common.DelayingProxy;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One run against a fresh KustomerSimulator behind a {@link DelayingProxy}, from a fresh CamelContext (no limiter
 * history), every exchange sent at once: the simulator enforces the same limit on a sliding window and keeps the
 * instants it counted.
 */
final class KustomerRuns {

    static final Duration WINDOW = Duration.ofSeconds(1);
    static final int CUSTOMER_CREATES = 10;
    static final int ORG_REQUESTS = 15;
    private static final int NO_LIMIT = 100_000;

    private KustomerRuns() {
    }

    /** 21 single-KObject creates for one customer, at 10 creates per customer per second. */
    static LimitRun customerCreates(long seed, Network network, boolean clientLimit) throws Exception {
        try (KustomerSimulator simulator = new KustomerSimulator()) {
            simulator.start();
            simulator.setOrgLimit(0, WINDOW);
            simulator.setCustomerCreateLimit(CUSTOMER_CREATES, WINDOW);
            try (DelayingProxy proxy = network.proxyTo(simulator.port(), seed);
                 CamelContext context = context(proxy, NO_LIMIT, clientLimit ? CUSTOMER_CREATES : NO_LIMIT)) {
                ProducerTemplate template = context.createProducerTemplate();
                String customer = template.requestBody("kustomer:customers", Map.of("name", "Ada " + seed),
                        Map.class).get("id").toString();
                List<CompletableFuture<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < 21; i++) {
                    Map<String, Object> kobject = kobject("order-" + seed + "-" + i);
                    sent.add(template.asyncSend("kustomer:kobjects?klass=order&bulk=false", exchange -> {
                        exchange.getMessage().setBody(kobject);
                        exchange.getMessage().setHeader(KustomerConstants.CUSTOMER_ID, customer);
                    }));
                }
                int failed = failures(sent);
                List<Long> counted = simulator.customerCreateTimes(customer).stream().map(Instant::toEpochMilli)
                        .toList();
                return new LimitRun(seed, CUSTOMER_CREATES, WINDOW.toMillis(), counted,
                        simulator.customerTooManyRequests() + simulator.orgTooManyRequests(), failed);
            }
        }
    }

    /**
     * 40 calls of two endpoints sharing the org (customer creates and company creates), at 15 requests per org per
     * second; every call counts, as the server counts it.
     */
    static LimitRun orgCalls(long seed, Network network, boolean clientLimit) throws Exception {
        try (KustomerSimulator simulator = new KustomerSimulator()) {
            simulator.start();
            simulator.setOrgLimit(ORG_REQUESTS, WINDOW);
            simulator.setCustomerCreateLimit(0, WINDOW);
            try (DelayingProxy proxy = network.proxyTo(simulator.port(), seed);
                 CamelContext context = context(proxy, clientLimit ? ORG_REQUESTS : NO_LIMIT, NO_LIMIT)) {
                ProducerTemplate template = context.createProducerTemplate();
                List<CompletableFuture<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Map<String, Object> customer = Map.of("name", "Customer " + seed + "-" + i);
                    sent.add(template.asyncSend("kustomer:customers", exchange -> exchange.getMessage()
                            .setBody(customer)));
                    Map<String, Object> company = Map.of("name", "Company " + seed + "-" + i);
                    sent.add(template.asyncSend("kustomer:companies", exchange -> exchange.getMessage()
                            .setBody(company)));
                }
                int failed = failures(sent);
                List<Long> arrivals = proxy.arrivals().stream().map(DelayingProxy.Arrival::atMillis).toList();
                return new LimitRun(seed, ORG_REQUESTS, WINDOW.toMillis(), arrivals,
                        simulator.orgTooManyRequests() + simulator.customerTooManyRequests(), failed);
            }
        }
    }

    private static CamelContext context(DelayingProxy proxy, int orgLimit, int customerCreates) {
        KustomerComponent component = new KustomerComponent();
        component.getConfiguration().setApiKey(KustomerSimulator.DEMO_API_KEY);
        component.getConfiguration().setBaseUrl(proxy.baseUrl());
        component.getConfiguration().setRequestsPerMinute(orgLimit);
        component.getConfiguration().setCustomerCreatesPerMinute(customerCreates);
        component.getConfiguration().setRateLimitWindow(WINDOW.toMillis());
        CamelContext context = new DefaultCamelContext();
        context.addComponent("kustomer", component);
        context.start();
        return context;
    }

    private static Map<String, Object> kobject(String title) {
        Map<String, Object> kobject = new LinkedHashMap<>();
        kobject.put("title", title);
        kobject.put("externalId", title);
        return kobject;
    }

    /** Waits for every exchange; how many ended with an exception. */
    static int failures(List<CompletableFuture<Exchange>> sent) {
        int failed = 0;
        for (CompletableFuture<Exchange> exchange : sent) {
            try {
                if (exchange.get(60, TimeUnit.SECONDS).getException() != null) {
                    failed++;
                }
            } catch (Exception e) {
                failed++;
            }
        }
        return failed;
    }
}
