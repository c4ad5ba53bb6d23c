package io.github.camelsaas.benchmarks.zuora;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.stub.StubStats;
import io.github.camelsaas.benchmarks.workload.Camel;
import io.github.camelsaas.benchmarks.workload.OrderRecords;

/**
 * 1(c): the route a user writes without the component: split the list, wrap each record in Zuora's body,
 * marshal it with Jackson and POST it with camel-http, one call per record, one after the other. The token is
 * fetched once before the run. The answers are not parsed (which favours this route).
 */
public final class NaiveHttpRoute implements Variant {

    private final ZuoraTarget zuora;
    private final int records;
    private List<Map<String, Object>> input;
    private CamelContext camel;
    private ProducerTemplate template;

    public NaiveHttpRoute(ZuoraTarget zuora, int records) {
        this.zuora = zuora;
        this.records = records;
    }

    @Override
    public String id() {
        return "1c";
    }

    @Override
    public String label() {
        return "camel-http, 1 record/call (naive)";
    }

    @Override
    public void setUp() throws Exception {
        input = OrderRecords.generate(records);
        String token = zuora.fetchToken();
        String url = zuora.createUrl();
        camel = Camel.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create")
                        .split(body())
                            .process(e -> e.getMessage().setBody(ZuoraTarget.createBody(List.of(e.getMessage()
                                    .getBody()))))
                            .marshal().json(JsonLibrary.Jackson)
                            .setHeader("Authorization", constant("Bearer " + token))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .to(url)
                        .end();
            }
        });
        template = camel.createProducerTemplate();
    }

    @Override
    public Measurement run() {
        zuora.resetStub();
        long start = System.nanoTime();
        template.sendBody("direct:create", input);
        long elapsed = System.nanoTime() - start;
        StubStats stats = zuora.stubStats();
        return Measurement.of(records, stats.records(), stats.calls(), elapsed).withExpectedCalls(records);
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        input = null;
    }
}
