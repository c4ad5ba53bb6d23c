package io.github.camelsaas.kustomer.replicas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.testsupport.Replicas;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.kustomer.KustomerConstants;

/**
 * One replica of an application, in a JVM of its own: a Camel context whose kustomer component points at the
 * parent's simulator (through a delaying proxy of its own), with a customer limit and an org limit per window and,
 * when given, the parent's Redis. It says READY once started, then on GO sends its creates, one single-record
 * exchange each, all at once: {@code createsPerCustomer} KObjects for each of the customers named. It prints RESULT
 * and exits.
 *
 * <p>Before READY it creates one KObject for another customer, so its first measured calls are not those of a cold
 * JVM (the limiter does not need that: its guarantee holds whatever the latency; it keeps the runs comparable).
 *
 * <p>Arguments: baseUrl warmUpCustomerId createsPerCustomer customerLimit orgLimit windowMillis redisUri|memory
 * customerId[,customerId...]
 */
public final class ReplicaMain {

    private ReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String warmUpCustomer = args[1];
        int createsPerCustomer = Integer.parseInt(args[2]);
        int customerLimit = Integer.parseInt(args[3]);
        int orgLimit = Integer.parseInt(args[4]);
        long windowMillis = Long.parseLong(args[5]);
        String redisUri = args[6];
        List<String> customers = List.of(args[7].split(","));

        KustomerComponent kustomer = new KustomerComponent();
        kustomer.getConfiguration().setApiKey(KustomerSimulator.DEMO_API_KEY);
        kustomer.getConfiguration().setBaseUrl(baseUrl);
        kustomer.getConfiguration().setCustomerCreatesPerMinute(customerLimit);
        kustomer.getConfiguration().setRequestsPerMinute(orgLimit);
        kustomer.getConfiguration().setRateLimitWindow(windowMillis);
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
                from("direct:orders").to("kustomer:kobjects?klass=order&bulk=false&maxConcurrentRequests=32");
            }
        });
        try {
            camel.start();
        } catch (Exception e) {
            System.out.println("FAILED " + Replicas.causes(e));
            System.exit(2);
        }
        ProducerTemplate template = camel.createProducerTemplate();
        Exchange warmUp = template.send("direct:orders", exchange -> {
            exchange.getMessage().setBody(Map.of("title", "Warm-up"));
            exchange.getMessage().setHeader(KustomerConstants.CUSTOMER_ID, warmUpCustomer);
        });
        if (warmUp.getException() != null) {
            System.out.println("FAILED warm-up " + Replicas.causes(warmUp.getException()));
            System.exit(3);
        }
        System.out.println("READY");
        Replicas.awaitGo();

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < createsPerCustomer; i++) {
            for (String customer : customers) {
                Map<String, Object> order = Map.of("title", "Order " + i);
                sent.add(template.asyncSend("direct:orders", exchange -> {
                    exchange.getMessage().setBody(order);
                    exchange.getMessage().setHeader(KustomerConstants.CUSTOMER_ID, customer);
                }));
            }
        }
        Replicas.printResult(sent);
        camel.close();
        System.exit(0);
    }
}
