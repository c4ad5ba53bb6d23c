package io.github.camelsaas.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext whose {@code zuora-objects} component points at a {@link ZuoraSimulator} with the demo OAuth
 * client, the object "Order" registered, and a {@link Ledger} of every record sent, keyed by OrderNumber__c.
 */
final class ZuoraHarness implements AutoCloseable {

    static final String ORDER = "Order";

    final ZuoraSimulator simulator;
    final CamelContext context;
    final ProducerTemplate template;
    final Ledger ledger = new Ledger("OrderNumber__c", ZuoraObjectsConstants.FAILED_RECORDS);
    private final List<String> inputKeys = Collections.synchronizedList(new ArrayList<>());

    /** @param configure changes the component-wide options (timeouts, limits) before the context starts */
    ZuoraHarness(ZuoraSimulator simulator, Consumer<ZuoraObjectsConfiguration> configure) {
        this.simulator = simulator;
        context = startedDemoContext(simulator, configure);
        template = context.createProducerTemplate();
    }

    /**
     * Resets the simulator, registers "Order", and starts a CamelContext whose {@code zuora-objects} component uses
     * the simulator's demo OAuth client.
     *
     * @param configure changes the component-wide options (timeouts, limits) before the context starts
     */
    static CamelContext startedDemoContext(ZuoraSimulator simulator, Consumer<ZuoraObjectsConfiguration> configure) {
        simulator.resetAll();
        simulator.registerObject(ORDER);
        CamelContext context = new DefaultCamelContext();
        ZuoraObjectsConfiguration shared = context.getComponent("zuora-objects", ZuoraObjectsComponent.class)
                .getConfiguration();
        shared.setBaseUrl(simulator.baseUrl());
        shared.setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
        shared.setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
        configure.accept(shared);
        context.start();
        return context;
    }

    Exchange sendList(String uri, List<Map<String, Object>> records) {
        expect(records);
        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(records));
        ledger.settle(exchange, records);
        return exchange;
    }

    /** Sends several list bodies at once; books each outcome once all are done. */
    List<Exchange> sendListsConcurrently(String uri, List<List<Map<String, Object>>> bodies) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (List<Map<String, Object>> records : bodies) {
            expect(records);
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody(records)));
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Exchange exchange = sent.get(i).get(30, TimeUnit.SECONDS);
            ledger.settle(exchange, bodies.get(i));
            exchanges.add(exchange);
        }
        return exchanges;
    }

    void expect(List<Map<String, Object>> records) {
        records.forEach(record -> inputKeys.add(String.valueOf(record.get("OrderNumber__c"))));
    }

    /** The books of everything sent so far against the simulator's Order records. */
    Ledger.Balance balance() {
        return balance(ORDER);
    }

    /** The books of everything sent so far against the simulator's records of these objects. */
    Ledger.Balance balance(String... objects) {
        List<String> stored = new ArrayList<>();
        for (String object : objects) {
            simulator.records(object).forEach(r -> stored.add(String.valueOf(r.get("OrderNumber__c"))));
        }
        return ledger.balance(List.copyOf(inputKeys), stored);
    }

    @Override
    public void close() {
        context.stop();
    }
}
