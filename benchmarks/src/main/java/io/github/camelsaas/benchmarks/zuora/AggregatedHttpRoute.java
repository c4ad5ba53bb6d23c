package io.github.camelsaas.benchmarks.zuora;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.stub.StubStats;
import io.github.camelsaas.benchmarks.workload.Camel;
import io.github.camelsaas.benchmarks.workload.OrderRecords;
import io.github.camelsaas.benchmarks.workload.Tally;

/**
 * 1(d): the careful hand-written route: split (streaming), aggregate 1,000 records per call (the split's last
 * record closes the final group), wrap, marshal with Jackson and POST with camel-http on the aggregator's thread
 * pool (10 threads, the component's default concurrency), then unmarshal the answer and count the records Zuora
 * returned. No retries, no rate limiting, no per-record failure handling: those are what the component adds.
 */
public final class AggregatedHttpRoute implements Variant {

    private final ZuoraTarget zuora;
    private final int records;
    private final int concurrency;
    private final Tally tally = new Tally();
    private List<Map<String, Object>> input;
    private CamelContext camel;
    private ProducerTemplate template;

    public AggregatedHttpRoute(ZuoraTarget zuora, int records, int concurrency) {
        this.zuora = zuora;
        this.records = records;
        this.concurrency = concurrency;
    }

    @Override
    public String id() {
        return "1d";
    }

    @Override
    public String label() {
        return "camel-http + aggregate(1000) + Jackson";
    }

    @Override
    public void setUp() throws Exception {
        input = OrderRecords.generate(records);
        String token = zuora.fetchToken();
        String url = zuora.createUrl();
        camel = Camel.start(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> tally.failed(Math.max(1, e.getProperty("batchSize", 1, Integer.class))));
                from("direct:create")
                        .split(body()).streaming()
                            .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                                .completionSize(1000)
                                .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                                .eagerCheckCompletion()
                                .parallelProcessing()
                                .executorService(getCamelContext().getExecutorServiceManager()
                                        .newFixedThreadPool(this, "aggregated-http", concurrency))
                                .process(e -> {
                                    List<?> batch = e.getMessage().getBody(List.class);
                                    e.setProperty("batchSize", batch.size());
                                    e.getMessage().setBody(ZuoraTarget.createBody(batch));
                                })
                                .marshal().json(JsonLibrary.Jackson)
                                .setHeader("Authorization", constant("Bearer " + token))
                                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                                .to(url)
                                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                                .process(e -> tally.succeeded(((List<?>) e.getMessage().getBody(Map.class)
                                        .get("records")).size()))
                            .end()
                        .end();
            }
        });
        template = camel.createProducerTemplate();
    }

    @Override
    public Measurement run() throws Exception {
        zuora.resetStub();
        tally.reset();
        long start = System.nanoTime();
        template.sendBody("direct:create", input);
        tally.awaitSettled(records, Duration.ofMinutes(5));
        long elapsed = System.nanoTime() - start;
        StubStats stats = zuora.stubStats();
        long reported = tally.failed() == 0 ? Math.min(stats.records(), tally.succeeded()) : tally.succeeded();
        return Measurement.of(records, reported, stats.calls(), elapsed).withExpectedCalls((records + 999) / 1000);
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        input = null;
    }
}
