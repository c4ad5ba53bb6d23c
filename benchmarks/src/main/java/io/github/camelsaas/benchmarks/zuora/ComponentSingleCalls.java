package io.github.camelsaas.benchmarks.zuora;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.stub.StubStats;
import io.github.camelsaas.benchmarks.workload.Camel;
import io.github.camelsaas.benchmarks.workload.OrderRecords;

/**
 * 3(a): single-record creates through {@code zuora-objects:}, one at a time, each round trip timed from the
 * caller's send to the created record in hand (Camel routing, validation, JSON both ways, permits, HTTP).
 */
public final class ComponentSingleCalls implements Variant {

    private final ZuoraTarget zuora;
    private final int calls;
    private final Map<String, Object> record = OrderRecords.order(7);
    private CamelContext camel;
    private ProducerTemplate template;

    public ComponentSingleCalls(ZuoraTarget zuora, int calls) {
        this.zuora = zuora;
        this.calls = calls;
    }

    @Override
    public String id() {
        return "3a";
    }

    @Override
    public String label() {
        return "zuora-objects:, 1 record, sequential";
    }

    @Override
    public void setUp() throws Exception {
        String uri = zuora.componentUri("");
        camel = Camel.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:one").to(uri);
            }
        });
        template = camel.createProducerTemplate();
    }

    @Override
    public Measurement run() {
        zuora.resetStub();
        long[] latencies = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long sent = System.nanoTime();
            Object created = template.requestBody("direct:one", record);
            latencies[i] = System.nanoTime() - sent;
            if (!hasId(created)) {
                throw new IllegalStateException("call " + i + " returned no created record: " + created);
            }
        }
        long elapsed = System.nanoTime() - start;
        StubStats stats = zuora.stubStats();
        return Measurement.of(calls, stats.records(), stats.calls(), elapsed).withExpectedCalls(calls)
                .withLatencies(latencies);
    }

    /** The body out is the list of created records (one here), each with Zuora's Id. */
    private static boolean hasId(Object created) {
        Object record = created instanceof List<?> list && list.size() == 1 ? list.get(0) : created;
        return record instanceof Map<?, ?> map && map.get("Id") != null;
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }
}
