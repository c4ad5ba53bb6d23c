package io.github.camelsaas.zuora.objects.replicas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.testsupport.Replicas;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of an application, in a JVM of its own: a Camel context whose zuora-objects component acts for the
 * parent's simulated tenant with a client rate limit and, when given, the parent's Redis. After one warm-up create
 * (which also fetches the token) it says READY; on GO it sends its single-record creates (one call each), all at
 * once, prints RESULT and exits.
 *
 * <p>Arguments: baseUrl requestsPerWindow windowMillis redisUri|memory records
 */
public final class ZuoraReplicaMain {

    private ZuoraReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int requestsPerWindow = Integer.parseInt(args[1]);
        long windowMillis = Long.parseLong(args[2]);
        String redisUri = args[3];
        int records = Integer.parseInt(args[4]);

        CamelContext camel = new DefaultCamelContext();
        ZuoraObjectsComponent zuora = camel.getComponent("zuora-objects", ZuoraObjectsComponent.class);
        ZuoraObjectsConfiguration shared = zuora.getConfiguration();
        shared.setBaseUrl(baseUrl);
        shared.setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
        shared.setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
        shared.setRequestsPerMinute(requestsPerWindow);
        shared.setRateLimitWindow(windowMillis);
        // a 429 fails its record rather than being retried: every 429 shows in the result, and runs stay short
        shared.setMaxRetries(0);
        if (!"memory".equals(redisUri)) {
            zuora.setRateLimitRedisUri(redisUri);
        }
        try {
            camel.start();
        } catch (Exception e) {
            System.out.println("FAILED " + Replicas.causes(e));
            System.exit(2);
        }
        ProducerTemplate template = camel.createProducerTemplate();
        Exchange warmUp = template.send("zuora-objects:Order",
                exchange -> exchange.getMessage().setBody(Map.of("OrderNumber__c", "warm-up")));
        if (warmUp.getException() != null) {
            System.out.println("FAILED warm-up " + Replicas.causes(warmUp.getException()));
            System.exit(3);
        }
        System.out.println("READY");
        Replicas.awaitGo();

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Map<String, Object> order = Map.of("OrderNumber__c", "order-" + i);
            sent.add(template.asyncSend("zuora-objects:Order", exchange -> exchange.getMessage().setBody(order)));
        }
        Replicas.printResult(sent);
        camel.close();
        System.exit(0);
    }
}
