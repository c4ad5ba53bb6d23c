package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/** query: cursors followed, filter from option or header, maxRecords, and the lazy streaming Iterator. */
class QueryTest extends ZuoraTestSupport {

    @BeforeEach
    void store25Orders() {
        send("zuora-objects:Order", orders(25, "Q-"));
        zuora.stats().reset();
        zuora.wireMock().resetRequests();
    }

    @Test
    void aQueryFollowsTheCursorsAndReturnsEveryRecord() {
        Exchange exchange = send("zuora-objects:Order?operation=query&pageSize=10", null);

        List<Map<String, Object>> records = exchange.getMessage().getBody(List.class);
        assertThat(records).hasSize(25).extracting(r -> r.get("OrderNumber__c")).doesNotHaveDuplicates();
        assertThat(calls(ZuoraRoute.QUERY_RECORDS)).isEqualTo(3);
        List<LoggedRequest> pages = requestsTo(RECORDS_PATH);
        assertThat(pages.get(0).queryParameter("cursor").isPresent()).isFalse();
        assertThat(pages.get(1).queryParameter("cursor").firstValue()).isNotBlank();
        assertThat(pages).allSatisfy(p -> assertThat(p.queryParameter("pageSize").firstValue()).isEqualTo("10"));
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(3);
    }

    @Test
    void theFilterOptionIsSentAsQAndTheHeaderOverridesIt() {
        Exchange byOption = send("zuora-objects:Order?operation=query&filter=OrderNumber__c:Q-3", null);
        Exchange byHeader = send("zuora-objects:Order?operation=query&filter=OrderNumber__c:Q-3", null,
                Map.of(ZuoraObjectsConstants.FILTER, "Amount__c:>20"));

        assertThat(byOption.getMessage().getBody(List.class)).singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r).containsEntry("OrderNumber__c", "Q-3"));
        assertThat(byHeader.getMessage().getBody(List.class)).hasSize(4);
        assertThat(requestsTo(RECORDS_PATH).get(1).queryParameter("q").firstValue()).isEqualTo("Amount__c:>20");
    }

    @Test
    void maxRecordsStopsTheQueryAndAsksForNoMoreThanNeeded() {
        Exchange exchange = send("zuora-objects:Order?operation=query&pageSize=10&maxRecords=12", null);

        assertThat(exchange.getMessage().getBody(List.class)).hasSize(12);
        List<LoggedRequest> pages = requestsTo(RECORDS_PATH);
        assertThat(pages).extracting(p -> p.queryParameter("pageSize").firstValue()).containsExactly("10", "2");
    }

    @Test
    void aStreamingQueryFetchesTheNextPageOnlyWhenTheCurrentOneIsUsedUp() {
        Exchange exchange = send("zuora-objects:Order?operation=query&pageSize=10&streaming=true", null);

        Iterator<Map<String, Object>> records = exchange.getMessage().getBody(Iterator.class);
        assertThat(calls(ZuoraRoute.QUERY_RECORDS)).isEqualTo(1);
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seen.add(records.next().get("OrderNumber__c"));
        }
        assertThat(calls(ZuoraRoute.QUERY_RECORDS)).isEqualTo(1);
        assertThat(records.hasNext()).isTrue();
        assertThat(calls(ZuoraRoute.QUERY_RECORDS)).isEqualTo(2);
        records.forEachRemaining(r -> seen.add(r.get("OrderNumber__c")));

        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(calls(ZuoraRoute.QUERY_RECORDS)).isEqualTo(3);
    }

    @Test
    void aStreamingQueryFeedsAStreamingSplitter() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to("zuora-objects:Order?operation=query&pageSize=5&streaming=true&maxRecords=12")
                        .split(body()).streaming().to("mock:record");
            }
        });
        MockEndpoint record = context.getEndpoint("mock:record", MockEndpoint.class);
        record.expectedMessageCount(12);

        template.sendBody("direct:export", null);

        record.assertIsSatisfied();
        assertThat(calls(ZuoraRoute.QUERY_RECORDS)).isEqualTo(3);
    }

    @Test
    void anUnknownObjectFailsTheQueryWithZuorasAnswer() {
        Exchange exchange = send("zuora-objects:Nothing?operation=query&streaming=true", null);

        assertThat(exchange.getException()).isInstanceOf(ZuoraApiException.class)
                .hasMessageContaining("GET /objects/records/default/Nothing answered 404")
                .hasMessageContaining("71012540");
        assertThat(((ZuoraApiException) exchange.getException()).getCode()).isEqualTo("71012540");
    }
}
