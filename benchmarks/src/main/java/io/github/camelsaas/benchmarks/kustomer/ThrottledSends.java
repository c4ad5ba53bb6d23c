package io.github.camelsaas.benchmarks.kustomer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Sends every KObject of a run into a route at once, without a thread per message (Camel's async API), and
 * waits for them all: both scenario 2 variants are fed the same way, and whatever waits is the route's doing.
 */
final class ThrottledSends {

    private ThrottledSends() {
    }

    /** @return how many exchanges failed */
    static long sendAll(CamelContext camel, String uri, int records, List<String> customers, String customerHeader)
            throws Exception {
        Endpoint endpoint = camel.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        try {
            List<CompletableFuture<Exchange>> sends = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                Exchange exchange = endpoint.createExchange();
                exchange.getMessage().setBody(KustomerTarget.kobject(i));
                exchange.getMessage().setHeader(customerHeader, customers.get(i % customers.size()));
                sends.add(producer.processAsync(exchange));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            return sends.stream().map(CompletableFuture::join).filter(e -> e.getException() != null).count();
        } finally {
            producer.stop();
        }
    }
}
