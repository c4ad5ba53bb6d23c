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

/** 1(a): {@code zuora-objects:} with the whole list as one message body; the component cuts it into calls. */
public final class ComponentListBody implements Variant {

    private final ZuoraTarget zuora;
    private final int records;
    private List<Map<String, Object>> input;
    private CamelContext camel;
    private ProducerTemplate template;

    public ComponentListBody(ZuoraTarget zuora, int records) {
        this.zuora = zuora;
        this.records = records;
    }

    @Override
    public String id() {
        return "1a";
    }

    @Override
    public String label() {
        return "zuora-objects:, list body";
    }

    @Override
    public void setUp() throws Exception {
        input = OrderRecords.generate(records);
        String uri = zuora.componentUri("");
        camel = Camel.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to(uri);
            }
        });
        template = camel.createProducerTemplate();
    }

    @Override
    public Measurement run() {
        zuora.resetStub();
        long start = System.nanoTime();
        List<?> created = template.requestBody("direct:create", input, List.class);
        long elapsed = System.nanoTime() - start;
        StubStats stats = zuora.stubStats();
        long reported = created.size() == records ? stats.records() : created.size();
        return Measurement.of(records, reported, stats.calls(), elapsed)
                .withExpectedCalls((records + 999) / 1000)
                .withExtra(Map.of("max_records_per_call", (double) stats.maxRecordsPerCall()));
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        input = null;
    }
}
