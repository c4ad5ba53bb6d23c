package io.github.camelsaas.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext whose {@code kustomer} component points at a {@link KustomerSimulator}, and a {@link Ledger} of
 * every record sent through it, keyed by title. The org limit is raised (on both sides) so that only the injected
 * faults shape a run.
 */
final class KustomerHarness implements AutoCloseable {

    static final String KLASS = "order";

    final KustomerSimulator simulator;
    final CamelContext context;
    final ProducerTemplate template;
    final Ledger ledger = new Ledger("title", KustomerConstants.FAILED_RECORDS);
    private final List<String> inputKeys = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param responseTimeout how long the component waits for an answer (short: a delayed answer is a lost one)
     */
    KustomerHarness(KustomerSimulator simulator, Duration responseTimeout) throws Exception {
        this.simulator = simulator;
        simulator.restoreDefaultConfiguration();
        simulator.reset();
        simulator.setOrgLimit(100_000, Duration.ofMinutes(1));
        context = new DefaultCamelContext();
        context.addComponent("kustomer", component(simulator.baseUrl(), responseTimeout));
        template = context.createProducerTemplate();
    }

    /** A kustomer component for the simulator (or any base URL), with a high org limit. */
    static KustomerComponent component(String baseUrl, Duration responseTimeout) {
        KustomerComponent component = demoComponent(baseUrl);
        component.getConfiguration().setRequestsPerMinute(100_000);
        component.getConfiguration().setResponseTimeout(responseTimeout.toMillis());
        return component;
    }

    /** A kustomer component with the simulator's demo API key and the component's own limits and timeouts. */
    static KustomerComponent demoComponent(String baseUrl) {
        KustomerComponent component = new KustomerComponent();
        component.getConfiguration().setApiKey(KustomerSimulator.DEMO_API_KEY);
        component.getConfiguration().setBaseUrl(baseUrl);
        return component;
    }

    /** A started CamelContext whose {@code kustomer} component is {@link #demoComponent}. */
    static CamelContext startedDemoContext(String baseUrl) {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("kustomer", demoComponent(baseUrl));
        context.start();
        return context;
    }

    KustomerHarness start() {
        context.start();
        return this;
    }

    /** Sends a list body and books its outcome. */
    Exchange sendList(String uri, List<Map<String, Object>> records) {
        return sendList(uri, records, Map.of());
    }

    Exchange sendList(String uri, List<Map<String, Object>> records, Map<String, Object> headers) {
        records.forEach(record -> inputKeys.add(String.valueOf(record.get("title"))));
        Exchange exchange = Exchanges.send(template, uri, records, headers);
        ledger.settle(exchange, records);
        return exchange;
    }

    /** Sends a single record (a Map body) and books its outcome. */
    Exchange sendOne(String uri, Map<String, Object> record) {
        inputKeys.add(String.valueOf(record.get("title")));
        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(record));
        ledger.settle(exchange, List.of(record));
        return exchange;
    }

    /** Sends single records concurrently (e.g. to be coalesced); books each outcome once all are done. */
    List<Exchange> sendEachConcurrently(String uri, List<Map<String, Object>> records) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (Map<String, Object> record : records) {
            inputKeys.add(String.valueOf(record.get("title")));
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody(record)));
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Exchange exchange = sent.get(i).get(30, TimeUnit.SECONDS);
            ledger.settle(exchange, List.of(records.get(i)));
            exchanges.add(exchange);
        }
        return exchanges;
    }

    /** The books of everything sent so far against the simulator's KObjects of klass "order". */
    Ledger.Balance balance() {
        return balance(KLASS);
    }

    /** The books of everything sent so far against the simulator's KObjects of these klasses. */
    Ledger.Balance balance(String... klasses) {
        List<String> stored = new ArrayList<>();
        for (String klass : klasses) {
            simulator.kobjects(klass).forEach(o -> stored.add(String.valueOf(o.attribute("title"))));
        }
        return ledger.balance(List.copyOf(inputKeys), stored);
    }

    /** Registers records as input without sending them through {@link #sendList} (the load test's own threads). */
    void expect(List<Map<String, Object>> records) {
        records.forEach(record -> inputKeys.add(String.valueOf(record.get("title"))));
    }

    @Override
    public void close() {
        context.stop();
    }
}
