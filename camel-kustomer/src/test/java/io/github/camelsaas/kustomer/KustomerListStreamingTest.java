package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * list with streaming=true: an Iterator that reads the first page when the message is processed and every further
 * one only when the records before it are used up, following Kustomer's links.next, each page through the org's
 * throttle. A reader that stops reading stops the fetching.
 */
class KustomerListStreamingTest extends KustomerSimulatorTestSupport {

    private static final String STREAM = "kustomer:conversations?operation=list&pageSize=3&streaming=true";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a preview: the route reads the first four records of the Iterator and no more
                from("direct:firstFour").to(STREAM)
                        .process(exchange -> {
                            Iterator<?> records = exchange.getMessage().getBody(Iterator.class);
                            List<Object> firstFour = new ArrayList<>();
                            for (int i = 0; i < 4 && records.hasNext(); i++) {
                                firstFour.add(records.next());
                            }
                            exchange.getMessage().setBody(firstFour);
                        })
                        .split(body()).to("mock:record");
            }
        };
    }

    @Test
    void theNextPageIsFetchedOnlyWhenTheRecordsBeforeItAreUsedUp() {
        sevenConversations();

        Exchange exchange = send(STREAM, null);
        assertThat(exchange.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<Map<String, Object>> records = exchange.getMessage().getBody(Iterator.class);
        assertThat(pageRequests()).containsExactly("/v1/conversations?pageSize=3");

        List<Object> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            names.add(name(records.next()));
        }
        assertThat(pageRequests()).hasSize(1);
        assertThat(records.hasNext()).isTrue();
        assertThat(pageRequests()).hasSize(2);
        records.forEachRemaining(record -> names.add(name(record)));

        assertThat(names).containsExactly("Help 0", "Help 1", "Help 2", "Help 3", "Help 4", "Help 5", "Help 6");
        assertThat(pageRequests()).containsExactly("/v1/conversations?pageSize=3",
                "/v1/conversations?page=2&pageSize=3", "/v1/conversations?page=3&pageSize=3");
    }

    @Test
    void aRouteThatStopsReadingStopsTheFetching() throws Exception {
        sevenConversations();
        MockEndpoint mock = getMockEndpoint("mock:record");
        mock.expectedMessageCount(4);

        Exchange exchange = template.send("direct:firstFour", e -> e.getMessage().setBody(null));

        assertThat(exchange.getException()).isNull();
        mock.assertIsSatisfied();
        // four records need pages 1 and 2; page 3 is never asked for
        assertThat(pageRequests()).containsExactly("/v1/conversations?pageSize=3",
                "/v1/conversations?page=2&pageSize=3");
    }

    @Test
    void aPageThatFailsAfterTheFirstFailsTheReaderWithKustomersError() {
        sevenConversations();
        Exchange exchange = send(STREAM, null);
        @SuppressWarnings("unchecked")
        Iterator<Map<String, Object>> records = exchange.getMessage().getBody(Iterator.class);
        records.next();
        records.next();
        records.next();
        simulator.revokeApiKey(io.github.camelsaas.simulator.kustomer.KustomerSimulator.DEMO_API_KEY);

        org.assertj.core.api.Assertions.assertThatThrownBy(records::hasNext)
                .isInstanceOf(KustomerAuthenticationException.class)
                .hasMessageContaining("GET /v1/conversations");
        await().atMost(Duration.ofSeconds(5)).until(() -> pageRequests().size() == 2);
    }

    private void sevenConversations() {
        String customer = createCustomer("Ada");
        List<Map<String, Object>> conversations = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            conversations.add(Map.of("name", "Help " + i, "customer", customer));
        }
        assertThat(send("kustomer:conversations", conversations).getException()).isNull();
    }

    private static List<String> pageRequests() {
        return urls("GET", "/v1/conversations");
    }

    private static Object name(Map<String, Object> conversation) {
        return ((Map<?, ?>) conversation.get("attributes")).get("name");
    }
}
