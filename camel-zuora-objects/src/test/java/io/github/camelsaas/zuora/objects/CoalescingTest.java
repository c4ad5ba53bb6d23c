package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/** batchWindow: many single-record messages become few calls, and each message gets its own record back. */
class CoalescingTest extends ZuoraTestSupport {

    private List<CompletableFuture<Exchange>> sendSingles(String uri, int count, String prefix) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> record = orders(1, prefix + i + "-").get(0);
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody(record)));
        }
        return sent;
    }

    @Test
    void singleRecordMessagesWithinTheWindowShareACallAndEachGetsItsOwnRecord() throws Exception {
        List<CompletableFuture<Exchange>> sent = sendSingles("zuora-objects:Order?batchWindow=300", 50, "W");

        for (int i = 0; i < sent.size(); i++) {
            Exchange exchange = sent.get(i).get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isNull();
            Map<String, Object> body = exchange.getMessage().getBody(Map.class);
            assertThat(body).containsKey("Id");
            assertThat(body.get("OrderNumber__c")).isEqualTo("W" + i + "-0");
            assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT, Integer.class))
                    .isPositive();
        }
        // 50 messages without the window would be 50 calls
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isBetween(1L, 3L);
        assertThat(zuora.count(ORDER)).isEqualTo(50);
    }

    @Test
    void aFullBatchGoesAtOnceWithoutWaitingForTheWindow() throws Exception {
        List<CompletableFuture<Exchange>> sent = sendSingles("zuora-objects:Order?batchWindow=60s&batchSize=5", 10,
                "F");

        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(2);
    }

    @Test
    void aRecordThatFailsFailsOnlyItsOwnMessage() throws Exception {
        zuora.registerDefinition(ObjectDefinition.builder(ORDER)
                .field(FieldDefinition.string("OrderNumber__c").maxLength(6))
                .field(FieldDefinition.integer("Amount__c"))
                .build());

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (String number : List.of("ok-1", "much-too-long", "ok-2")) {
            sent.add(template.asyncSend("zuora-objects:Order?batchWindow=300&allowPartialSuccess=true",
                    e -> e.getMessage().setBody(Map.of("OrderNumber__c", number))));
        }

        assertThat(sent.get(0).get(10, TimeUnit.SECONDS).getException()).isNull();
        assertThat(sent.get(2).get(10, TimeUnit.SECONDS).getException()).isNull();
        Exception failure = sent.get(1).get(10, TimeUnit.SECONDS).getException();
        assertThat(failure).isInstanceOf(RecordFailedException.class);
        assertThat(((RecordFailedException) failure).getFailedRecord().record())
                .isEqualTo(Map.of("OrderNumber__c", "much-too-long"));
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(1);
    }

    @Test
    void messagesWithDifferentTrackIdsNeverShareACall() throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String trackId = "track-" + (i % 2);
            Map<String, Object> record = orders(1, "T" + i + "-").get(0);
            sent.add(template.asyncSend("zuora-objects:Order?batchWindow=300", e -> {
                e.getMessage().setBody(record);
                e.getMessage().setHeader(ZuoraObjectsConstants.TRACK_ID, trackId);
            }));
        }
        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(10, TimeUnit.SECONDS).getException()).isNull();
        }

        assertThat(requestsTo(RECORDS_PATH)).hasSize(2).allSatisfy(request -> {
            String trackId = request.getHeader("Zuora-Track-Id");
            assertThat(recordsSent(request)).hasSize(3).allSatisfy(record -> assertThat(
                    Integer.parseInt(((String) record.get("OrderNumber__c")).substring(1, 2)) % 2)
                    .isEqualTo(Integer.parseInt(trackId.substring(6))));
        });
    }

    @Test
    void aListMessageIsNotHeldForTheWindow() {
        Exchange exchange = send("zuora-objects:Order?batchWindow=60s", orders(3, "L-"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(3);
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(1);
    }
}
