package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.github.camelsaas.simulator.common.AbstractSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Sending one message with headers, and checking how its exchange ended. */
final class Exchanges {

    private Exchanges() {
    }

    /** Sends a body with these headers (copied: Camel may add to them) and returns the completed exchange. */
    static Exchange send(ProducerTemplate template, String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    static Exchange ok(Exchange exchange) {
        assertThat(exchange.getException()).as("exception").isNull();
        return exchange;
    }

    static void failed(Exchange exchange) {
        assertThat(exchange.getException()).as("exception").isNotNull();
    }

    /** A failure whose server answer quoted a credential: the exception still tells what the server said. */
    static void failedWithTheEchoMasked(Exchange exchange) {
        failed(exchange);
        assertThat(EverythingAtTrace.stackTrace(exchange.getException())).contains("xxxxxx");
    }

    /** Expects the exchange to have failed and nothing to have reached the server; returns its exception. */
    static Exception failedWithNothingSent(Exchange exchange, AbstractSimulator server) {
        failed(exchange);
        assertThat(server.stats().totalCalls()).as("requests sent").isZero();
        assertThat(server.wireMock().getAllServeEvents()).as("requests received").isEmpty();
        return exchange.getException();
    }
}
