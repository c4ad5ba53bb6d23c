package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordValidationException;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/** create: chunking, input order, bodies as sent, Zuora's headers, validation before sending, headers out. */
class CreateTest extends ZuoraTestSupport {

    @Test
    void twoThousandFiveHundredRecordsBecomeExactlyThreeCallsMergedInInputOrder() throws Exception {
        List<Map<String, Object>> input = orders(2500, "N-");

        Exchange exchange = send("zuora-objects:Order", input);

        assertThat(exchange.getException()).isNull();
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(3);
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest request : requestsTo(RECORDS_PATH)) {
            sizes.add(recordsSent(request).size());
        }
        assertThat(sizes).containsExactlyInAnyOrder(1000, 1000, 500);
        assertThat(zuora.count(ORDER)).isEqualTo(2500);

        List<Map<String, Object>> created = exchange.getMessage().getBody(List.class);
        assertThat(created).hasSize(2500);
        for (int i = 0; i < 2500; i++) {
            assertThat(created.get(i)).containsEntry("OrderNumber__c", "N-" + i).containsKey("Id");
        }
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_ID, String.class)).hasSize(36);
    }

    @Test
    void batchSizeCutsSmallerCalls() throws Exception {
        send("zuora-objects:Order?batchSize=2", orders(5, "B-"));

        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(3);
        assertThat(zuora.count(ORDER)).isEqualTo(5);
    }

    @Test
    void oneRecordAsAMapPojoOrJsonTextAnswersTheCreatedRecordAndAListOfOneAListOfOne() {
        Exchange fromMap = send("zuora-objects:Order", Map.of("OrderNumber__c", "M-1"));
        Exchange fromJson = send("zuora-objects:Order", "{\"OrderNumber__c\":\"J-1\"}");
        Exchange fromPojo = send("zuora-objects:Order", new OrderPojo("P-1", 3));
        Exchange fromList = send("zuora-objects:Order", List.of(Map.of("OrderNumber__c", "L-1")));

        assertThat(fromMap.getMessage().getBody(Map.class)).containsEntry("OrderNumber__c", "M-1")
                .containsKey("Id");
        assertThat(fromJson.getMessage().getBody(Map.class)).containsEntry("OrderNumber__c", "J-1");
        assertThat(fromPojo.getMessage().getBody(Map.class)).containsEntry("Amount__c", 3);
        assertThat(fromList.getMessage().getBody(List.class)).singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r).containsEntry("OrderNumber__c", "L-1"));
        assertThat(zuora.count(ORDER)).isEqualTo(4);
    }

    @Test
    void aStreamOfAJsonArrayIsAListAndAStreamOfOneObjectASingleRecord() {
        Exchange list = send("zuora-objects:Order", new java.io.ByteArrayInputStream(
                "[{\"OrderNumber__c\":\"I-1\"},{\"OrderNumber__c\":\"I-2\"}]".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        Exchange single = send("zuora-objects:Order", new java.io.ByteArrayInputStream(
                "{\"OrderNumber__c\":\"I-3\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(list.getException()).isNull();
        assertThat(list.getMessage().getBody(List.class)).hasSize(2);
        assertThat(single.getException()).isNull();
        assertThat(single.getMessage().getBody(Map.class)).containsEntry("OrderNumber__c", "I-3");
        assertThat(zuora.count(ORDER)).isEqualTo(3);
    }

    @Test
    void emptyStringsAreSentAsExplicitNullsAndNullsStayExplicit() throws Exception {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("OrderNumber__c", "E-1");
        record.put("Note__c", "");
        record.put("Discount__c", null);

        send("zuora-objects:Order", List.of(record));

        String body = requestsTo(RECORDS_PATH).get(0).getBodyAsString();
        assertThat(body).contains("\"Note__c\":null").contains("\"Discount__c\":null").doesNotContain("\"\"");
        assertThat(json(requestsTo(RECORDS_PATH).get(0))).containsEntry("allowPartialSuccess", false);
    }

    @Test
    void theCallersRecordsAreSentAsTheyAreAndNeverChangedEvenWhenOneNeedsAnEmptyStringNulled() throws Exception {
        // record 0 is used as it is (read-only, not copied), record 1 must change (its empty string) so it is copied
        List<Map<String, Object>> input = orders(3, "U-");
        input.get(0).put("Price__c", 4.99);
        input.get(1).put("Note__c", "");
        List<Map<String, Object>> before = new ArrayList<>();
        input.forEach(record -> before.add(new LinkedHashMap<>(record)));

        Exchange exchange = send("zuora-objects:Order", input);

        assertThat(exchange.getException()).isNull();
        assertThat(input).isEqualTo(before);
        assertThat(input.get(1)).containsEntry("Note__c", "");
        String body = requestsTo(RECORDS_PATH).get(0).getBodyAsString();
        assertThat(body).contains("{\"OrderNumber__c\":\"U-0\",\"Amount__c\":0,\"Price__c\":4.99}")
                .contains("{\"OrderNumber__c\":\"U-1\",\"Amount__c\":1,\"Note__c\":null}");
        List<Map<String, Object>> created = exchange.getMessage().getBody(List.class);
        assertThat(created).extracting(r -> r.get("OrderNumber__c")).containsExactly("U-0", "U-1", "U-2");
        assertThat(created).allSatisfy(r -> assertThat(r).containsKey("Id"));
        assertThat(created.get(0)).isNotSameAs(input.get(0));
    }

    @Test
    void underRejectAnEmptyStringFailsThatRecordAloneAndTheOthersAreSent() throws Exception {
        List<Map<String, Object>> input = orders(3, "R-");
        input.get(2).put("Note__c", "");

        Exchange exchange = send("zuora-objects:Order?emptyStringPolicy=reject", input);

        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class);
        PartialFailureException failure = (PartialFailureException) exchange.getException();
        assertThat(failure.getSucceeded()).hasSize(2);
        FailedRecord invalid = failure.getFailedRecords().get(0);
        assertThat(failure.getFailedRecords()).hasSize(1);
        assertThat(invalid.index()).isEqualTo(2);
        assertThat(invalid.validationFailure()).isTrue();
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.message()).contains("Note__c").contains("empty string");
        assertThat(recordsSent(requestsTo(RECORDS_PATH).get(0))).extracting(r -> r.get("OrderNumber__c"))
                .containsExactly("R-0", "R-1");
    }

    @Test
    void aSingleInvalidRecordFailsWithAValidationExceptionAndNothingIsSent() {
        Map<String, Object> record = new LinkedHashMap<>(Map.of("OrderNumber__c", "V-1", "Note__c", ""));

        Exchange exchange = send("zuora-objects:Order?emptyStringPolicy=reject", record);

        assertThat(exchange.getException()).isInstanceOf(RecordValidationException.class)
                .hasMessageContaining("record 0 is invalid and was not sent").hasMessageContaining("Note__c");
        assertThat(dataRequests()).isEmpty();
        assertThat(calls(ZuoraRoute.CREATE_TOKEN)).isZero();
    }

    @Test
    void aFieldThatIsNotAScalarFailsItsRecordWhichIsNotSent() throws Exception {
        List<Map<String, Object>> input = orders(2, "S-");
        input.get(1).put("Lines__c", List.of(1, 2));

        Exchange exchange = send("zuora-objects:Order?failOnPartialFailure=false", input);

        assertThat(exchange.getException()).isNull();
        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).singleElement().satisfies(invalid -> {
            assertThat(invalid.index()).isEqualTo(1);
            assertThat(invalid.message()).contains("Lines__c").contains("an array");
        });
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(1);
        assertThat(recordsSent(requestsTo(RECORDS_PATH).get(0))).hasSize(1);
    }

    @Test
    void aListOfOnlyInvalidRecordsSendsNothing() {
        List<Map<String, Object>> input = orders(2, "N-");
        input.forEach(record -> record.put("Lines__c", Map.of("nested", 1)));

        Exchange exchange = send("zuora-objects:Order", input);

        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class);
        assertThat(((PartialFailureException) exchange.getException()).getFailedRecords()).hasSize(2);
        assertThat(dataRequests()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonNamesTheRecordAndNothingIsSent() {
        Exchange exchange = send("zuora-objects:Order", List.of(Map.of("A__c", 1), 42));

        assertThat(exchange.getException()).isInstanceOf(InvalidBodyException.class).hasMessageContaining("record 1");
        assertThat(dataRequests()).isEmpty();
    }

    @Test
    void everyCallCarriesTheBearerTokenAndZuorasHeaders() {
        Exchange exchange = send("zuora-objects:Order?trackId=batch-7&entityIds=ent-1&orgIds=org-1,org-2"
                                 + "&zuoraVersion=2026-09-11", orders(1, "H-"));

        LoggedRequest request = requestsTo(RECORDS_PATH).get(0);
        assertThat(request.getHeader("Authorization")).matches("Bearer \\S+");
        assertThat(request.getHeader("Zuora-Track-Id")).isEqualTo("batch-7");
        assertThat(request.getHeader("Zuora-Entity-Ids")).isEqualTo("ent-1");
        assertThat(request.getHeader("Zuora-Org-Ids")).isEqualTo("org-1,org-2");
        assertThat(request.getHeader("Zuora-Version")).isEqualTo("2026-09-11");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.TRACK_ID)).isEqualTo("batch-7");
        assertThat(zuora.lastTrackId()).hasValue("batch-7");
    }

    @Test
    void theTrackIdHeaderOverridesTheOptionAndIsEchoed() {
        Exchange exchange = send("zuora-objects:Order?trackId=from-option", orders(1, "T-"),
                Map.of(ZuoraObjectsConstants.TRACK_ID, "from-header"));

        assertThat(requestsTo(RECORDS_PATH).get(0).getHeader("Zuora-Track-Id")).isEqualTo("from-header");
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.TRACK_ID)).isEqualTo("from-header");
    }

    @Test
    void aBadTrackIdHeaderFailsTheMessageNamingTheHeaderAndNothingIsSent() {
        for (String bad : List.of("a:b", "quote'", "x".repeat(65), "caf\u00e9", "line\r\nX-Injected: 1")) {
            Exchange exchange = send("zuora-objects:Order", orders(1, "X-"),
                    Map.of(ZuoraObjectsConstants.TRACK_ID, bad));

            assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("header CamelZuoraObjectsTrackId");
        }
        assertThat(dataRequests()).isEmpty();
    }

    @Test
    void largeBodiesAreGzippedAndSmallOnesAreNot() {
        send("zuora-objects:Order", orders(1, "small-"));
        send("zuora-objects:Order", orders(200, "large-"));

        List<LoggedRequest> requests = requestsTo(RECORDS_PATH);
        assertThat(requests.get(0).getHeader("Content-Encoding")).isNull();
        assertThat(requests.get(1).getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zuora.count(ORDER)).isEqualTo(201);
    }

    @Test
    void compressRequestsFalseSendsLargeBodiesPlain() {
        send("zuora-objects:Order?compressRequests=false", orders(200, "plain-"));

        assertThat(requestsTo(RECORDS_PATH).get(0).getHeader("Content-Encoding")).isNull();
        assertThat(zuora.count(ORDER)).isEqualTo(200);
    }

    @Test
    void theOperationHeaderOverridesTheEndpointOperation() {
        Exchange created = send("zuora-objects:Order", orders(1, "O-"));
        String id = (String) ((Map<?, ?>) created.getMessage().getBody(List.class).get(0)).get("Id");

        Map<String, Object> headers = new HashMap<>();
        headers.put(ZuoraObjectsConstants.OPERATION, "get");
        headers.put(ZuoraObjectsConstants.ID, id);
        Exchange read = send("zuora-objects:Order", null, headers);

        assertThat(read.getException()).isNull();
        assertThat(read.getMessage().getBody(Map.class)).containsEntry("OrderNumber__c", "O-0");
        assertThat(calls(ZuoraRoute.GET_RECORD)).isEqualTo(1);
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(1);
    }

    @Test
    void anUnknownOperationHeaderNamesTheAllowedOnes() {
        Exchange exchange = send("zuora-objects:Order", orders(1, "U-"),
                Map.of(ZuoraObjectsConstants.OPERATION, "upsert"));

        assertThat(exchange.getException()).hasMessageContaining("header CamelZuoraObjectsOperation")
                .hasMessageContaining("upsert").hasMessageContaining("batchUpdate");
        assertThat(dataRequests()).isEmpty();
    }

    @Test
    void anEmptyListCreatesNothingAndMakesNoCall() {
        Exchange exchange = send("zuora-objects:Order", List.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).isEmpty();
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(0);
        assertThat(zuora.stats().totalCalls()).isZero();
    }

    /** A POJO body, converted by Jackson. */
    public static final class OrderPojo {
        private final String orderNumber;
        private final int amount;

        OrderPojo(String orderNumber, int amount) {
            this.orderNumber = orderNumber;
            this.amount = amount;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("OrderNumber__c")
        public String getOrderNumber() {
            return orderNumber;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("Amount__c")
        public int getAmount() {
            return amount;
        }
    }
}
