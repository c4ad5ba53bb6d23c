package io.github.camelsaas.benchmarks.zuora;

import java.time.Duration;
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
import io.github.camelsaas.benchmarks.workload.Tally;

/**
 * 1(b): one exchange per record, from a seda queue with concurrent consumers into {@code zuora-objects:} with
 * {@code batchWindow}, which coalesces them into calls of up to 1,000 and completes each exchange with its own
 * record. Timed from the first record offered to the last exchange completed.
 */
public final class ComponentCoalesced implements Variant {

    private final ZuoraTarget zuora;
    private final int records;
    private final Duration batchWindow;
    private final Tally tally = new Tally();
    private List<Map<String, Object>> input;
    private CamelContext camel;
    private ProducerTemplate template;

    public ComponentCoalesced(ZuoraTarget zuora, int records, Duration batchWindow) {
        this.zuora = zuora;
        this.records = records;
        this.batchWindow = batchWindow;
    }

    @Override
    public String id() {
        return "1b";
    }

    @Override
    public String label() {
        return "zuora-objects:, 1 record/exchange, batchWindow";
    }

    @Override
    public void setUp() throws Exception {
        input = OrderRecords.generate(records);
        String uri = zuora.componentUri("batchWindow=" + batchWindow.toMillis() + "&allowPartialSuccess=true");
        camel = Camel.start(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> tally.failed(1));
                from("seda:orders?concurrentConsumers=4&size=" + (records + 1))
                        .to(uri)
                        .process(e -> tally.succeeded(1));
            }
        });
        template = camel.createProducerTemplate();
    }

    @Override
    public Measurement run() throws Exception {
        zuora.resetStub();
        tally.reset();
        long start = System.nanoTime();
        for (Map<String, Object> record : input) {
            template.sendBody("seda:orders", record);
        }
        tally.awaitSettled(records, Duration.ofMinutes(5));
        long elapsed = System.nanoTime() - start;
        StubStats stats = zuora.stubStats();
        long reported = tally.failed() == 0 ? stats.records() : tally.succeeded();
        return Measurement.of(records, reported, stats.calls(), elapsed)
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
