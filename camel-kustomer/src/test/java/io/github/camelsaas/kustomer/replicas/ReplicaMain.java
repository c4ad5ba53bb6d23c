package io.github.camelsaas.kustomer.replicas;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of an application, in a JVM of its own: a Camel context whose kustomer component points at the
 * parent's simulator, with a customer limit of N per window and, when given, the parent's Redis. It says READY
 * once started, sends its KObject creates for one customer when it reads GO, prints RESULT and exits.
 *
 * <p>Before READY it creates one KObject for another customer: a replica that has run for a while has its
 * classes loaded and its code compiled, and a cold first call would otherwise arrive tens of milliseconds after
 * its grant, which on a one-second window is more than the limiter's safety margin (5%) is meant to absorb.
 *
 * <p>Arguments: baseUrl customerId warmUpCustomerId creates limitPerWindow windowMillis redisUri|memory
 */
public final class ReplicaMain {

    private ReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String customer = args[1];
        String warmUpCustomer = args[2];
        int creates = Integer.parseInt(args[3]);
        int limit = Integer.parseInt(args[4]);
        long windowMillis = Long.parseLong(args[5]);
        String redisUri = args[6];

        KustomerComponent kustomer = new KustomerComponent();
        kustomer.getConfiguration().setApiKey(KustomerSimulator.DEMO_API_KEY);
        kustomer.getConfiguration().setBaseUrl(baseUrl);
        kustomer.getConfiguration().setCustomerCreatesPerMinute(limit);
        kustomer.getConfiguration().setRateLimitWindow(windowMillis);
        // this run is about the customer limit: the org's is out of the way
        kustomer.getConfiguration().setRequestsPerMinute(100_000);
        // a 429 fails its record rather than being retried: every 429 shows in the result, and runs stay short
        kustomer.getConfiguration().setMaxRetries(0);
        if (!"memory".equals(redisUri)) {
            kustomer.setRateLimitRedisUri(redisUri);
        }
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("kustomer", kustomer);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("kustomer:kobjects?klass=order&bulk=false&maxConcurrentRequests=4");
            }
        });
        try {
            camel.start();
        } catch (Exception e) {
            System.out.println("FAILED " + causes(e));
            System.exit(2);
        }
        Exchange warmUp = camel.createProducerTemplate().send("direct:orders", exchange -> {
            exchange.getMessage().setBody(List.of(Map.of("title", "Warm-up")));
            exchange.getMessage().setHeader(KustomerConstants.CUSTOMER_ID, warmUpCustomer);
        });
        if (warmUp.getException() != null) {
            System.out.println("FAILED warm-up " + causes(warmUp.getException()));
            System.exit(3);
        }
        System.out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("GO")) {
            // waits for the parent's start signal, so the replicas send at the same moment
        }

        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < creates; i++) {
            orders.add(Map.of("title", "Order " + i));
        }
        Exchange done = camel.createProducerTemplate().send("direct:orders", exchange -> {
            exchange.getMessage().setBody(orders);
            exchange.getMessage().setHeader(KustomerConstants.CUSTOMER_ID, customer);
        });
        int failed = done.getException() instanceof PartialFailureException partial ? partial.getFailedRecords().size()
                : done.getException() != null ? creates : 0;
        System.out.println("RESULT created=" + (creates - failed) + " failed=" + failed
                + (done.getException() != null ? " " + causes(done.getException()) : ""));
        camel.close();
        System.exit(0);
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString().replace('\n', ' ');
    }
}
