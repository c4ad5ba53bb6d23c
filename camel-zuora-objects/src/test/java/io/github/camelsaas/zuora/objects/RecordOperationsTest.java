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
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/** get, update, patch, delete, batchUpdate, batchDelete and describe, with the calls they make. */
class RecordOperationsTest extends ZuoraTestSupport {

    private List<String> createOrders(int count) {
        List<Map<String, Object>> created = send("zuora-objects:Order", orders(count, "G-")).getMessage()
                .getBody(List.class);
        List<String> ids = new ArrayList<>();
        created.forEach(record -> ids.add((String) record.get("Id")));
        zuora.wireMock().resetRequests();
        return ids;
    }

    private Exchange sendWithId(String uri, Object body, String id) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(ZuoraObjectsConstants.ID, id);
        return send(uri, body, headers);
    }

    @Test
    void getReadsTheRecordById() {
        String id = createOrders(1).get(0);

        Exchange exchange = sendWithId("zuora-objects:Order?operation=get", null, id);

        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("Id", id)
                .containsEntry("OrderNumber__c", "G-0");
        assertThat(requestsTo(RECORDS_PATH + "/" + id)).singleElement()
                .satisfies(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
    }

    @Test
    void getOfAMissingRecordAnswersANullBodyAsOnKustomer() {
        Exchange exchange = sendWithId("zuora-objects:Order?operation=get", Map.of("stale", "body"),
                "00000000-0000-0000-0000-000000000000");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_ID, String.class)).isNotBlank();
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(1);
    }

    @Test
    void anIdThatIsNotAPlainTokenNeverReachesThePath() {
        Exchange missing = send("zuora-objects:Order?operation=get", null);
        Exchange tricky = sendWithId("zuora-objects:Order?operation=get", null, "../../definitions/default/Order");

        assertThat(missing.getException()).hasMessageContaining("No record id in header CamelZuoraObjectsId");
        assertThat(tricky.getException()).hasMessageContaining("Invalid record id in header CamelZuoraObjectsId");
        assertThat(dataRequests()).isEmpty();
    }

    @Test
    void updatePutsTheFieldsWithoutSystemFieldsAndTakesTheIdFromTheRecord() throws Exception {
        String id = createOrders(1).get(0);
        Map<String, Object> record = new LinkedHashMap<>(sendWithId("zuora-objects:Order?operation=get", null, id)
                .getMessage().getBody(Map.class));
        record.put("OrderNumber__c", "G-0-changed");
        zuora.wireMock().resetRequests();

        Exchange exchange = send("zuora-objects:Order?operation=update", record);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("OrderNumber__c", "G-0-changed");
        LoggedRequest put = requestsTo(RECORDS_PATH + "/" + id).get(0);
        assertThat(put.getMethod().getName()).isEqualTo("PUT");
        assertThat(json(put)).containsOnlyKeys("OrderNumber__c", "Amount__c");
        assertThat(zuora.record(ORDER, id).orElseThrow()).containsEntry("OrderNumber__c", "G-0-changed");
    }

    @Test
    void patchSendsAMergePatchWhereAnEmptyStringClearsTheField() throws Exception {
        String id = createOrders(1).get(0);

        Map<String, Object> patch = new HashMap<>();
        patch.put("Amount__c", "");
        Exchange exchange = sendWithId("zuora-objects:Order?operation=patch", patch, id);

        assertThat(exchange.getException()).isNull();
        LoggedRequest request = requestsTo(RECORDS_PATH + "/" + id).get(0);
        assertThat(request.getMethod().getName()).isEqualTo("PATCH");
        assertThat(request.getHeader("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(request.getBodyAsString()).isEqualTo("{\"Amount__c\":null}");
        assertThat(zuora.record(ORDER, id).orElseThrow()).containsEntry("OrderNumber__c", "G-0")
                .doesNotContainEntry("Amount__c", 0);
    }

    @Test
    void deleteOfOneIdAndOfAListOfIds() {
        List<String> ids = createOrders(5);

        Exchange single = sendWithId("zuora-objects:Order?operation=delete", null, ids.get(0));
        Exchange list = send("zuora-objects:Order?operation=delete", ids.subList(1, 5));

        assertThat(single.getException()).isNull();
        assertThat(list.getException()).isNull();
        assertThat(list.getMessage().getBody()).isNull();
        assertThat(calls(ZuoraRoute.DELETE_RECORD)).isEqualTo(1);
        assertThat(calls(ZuoraRoute.BATCH_RECORDS)).isEqualTo(1);
        assertThat(zuora.count(ORDER)).isZero();
    }

    @Test
    void batchDeleteGoesInCallsOfBatchSizeAndReportsEachId() throws Exception {
        List<String> ids = createOrders(5);

        Exchange exchange = send("zuora-objects:Order?operation=batchDelete&batchSize=2", ids);

        List<RecordOutcome<String>> outcomes = exchange.getMessage().getBody(List.class);
        assertThat(outcomes).extracting(RecordOutcome::value).containsExactlyElementsOf(ids);
        List<Object> bodies = new ArrayList<>();
        for (LoggedRequest batch : requestsTo("/objects/batch/default/Order")) {
            bodies.add(json(batch));
        }
        // the calls go concurrently, so in any order
        assertThat(bodies).containsExactlyInAnyOrder(
                Map.of("action", Map.of("type", "delete", "ids", ids.subList(0, 2))),
                Map.of("action", Map.of("type", "delete", "ids", ids.subList(2, 4))),
                Map.of("action", Map.of("type", "delete", "ids", ids.subList(4, 5))));
        assertThat(zuora.count(ORDER)).isZero();
    }

    @Test
    void aBatchUpdateFailureZuoraDoesNotTieToARecordLeavesNoRecordReportedAsUpdated() {
        List<String> ids = createOrders(2);
        zuora.faults().failNext("/objects/batch/default/" + ORDER, 1, Fault.status(200,
                "{\"error\":{\"code\":71012540,\"message\":\"failed\",\"details\":["
                + "{\"code\":71012540,\"message\":\"Object record does not exist.\"}]}}"));
        List<Map<String, Object>> changes = List.of(Map.of("Id", ids.get(0), "Amount__c", 1),
                Map.of("Id", ids.get(1), "Amount__c", 2));

        Exchange exchange = send("zuora-objects:Order?operation=batchUpdate&allowPartialSuccess=true", changes);

        PartialFailureException failure = (PartialFailureException) exchange.getException();
        assertThat(failure.getSucceeded()).isEmpty();
        assertThat(failure.getFailedRecords()).extracting(FailedRecord::index).containsExactly(0, 1);
        assertThat(failure.getFailedRecords()).allSatisfy(failed -> {
            assertThat(failed.message()).contains("may or may not have been updated");
            assertThat(failed.retryable()).isTrue();
        });
    }

    @Test
    void batchUpdateMapsZuorasFailuresBackByIdAndUpdatesTheRest() throws Exception {
        zuora.registerDefinition(ObjectDefinition.builder(ORDER)
                .field(FieldDefinition.string("OrderNumber__c").maxLength(10))
                .field(FieldDefinition.integer("Amount__c"))
                .build());
        List<String> ids = createOrders(3);
        List<Map<String, Object>> changes = new ArrayList<>();
        changes.add(Map.of("Id", ids.get(0), "Amount__c", 100));
        changes.add(Map.of("Id", ids.get(1), "Amount__c", "not a number"));
        changes.add(Map.of("Id", ids.get(2), "Amount__c", 300));

        Exchange exchange = send("zuora-objects:Order?operation=batchUpdate&allowPartialSuccess=true", changes);

        PartialFailureException failure = (PartialFailureException) exchange.getException();
        assertThat(new ArrayList<Object>(failure.getSucceeded())).containsExactly(ids.get(0), ids.get(2));
        FailedRecord failed = failure.getFailedRecords().get(0);
        assertThat(failed.index()).isEqualTo(1);
        assertThat(failed.vendorCode()).isEqualTo("71012523");
        assertThat(failed.record()).isEqualTo(changes.get(1));
        Map<String, Object> body = json(requestsTo("/objects/batch/default/Order").get(0));
        assertThat(body).isEqualTo(Map.of("action", Map.of("type", "update", "allowPartialSuccess", true,
                "records", Map.of(ids.get(0), Map.of("Amount__c", 100), ids.get(1), Map.of("Amount__c",
                        "not a number"), ids.get(2), Map.of("Amount__c", 300)))));
        assertThat(zuora.record(ORDER, ids.get(2)).orElseThrow()).containsEntry("Amount__c", 300);
        assertThat(zuora.record(ORDER, ids.get(1)).orElseThrow()).containsEntry("Amount__c", 1);
    }

    @Test
    void batchUpdateReportsARecordWithoutIdOrWithARepeatedIdAndSendsNothingForIt() throws Exception {
        List<String> ids = createOrders(2);
        Exchange exchange = send("zuora-objects:Order?operation=batchUpdate&failOnPartialFailure=false",
                List.of(Map.of("Id", ids.get(0), "Amount__c", 1), Map.of("Amount__c", 2),
                        Map.of("Id", ids.get(0), "Amount__c", 3), Map.of("Id", ids.get(1), "Amount__c", 4)));

        assertThat(exchange.getException()).isNull();
        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).extracting(FailedRecord::index).containsExactly(1, 2);
        assertThat(failed).allMatch(FailedRecord::validationFailure);
        assertThat(failed.get(0).message()).contains("No record id in record 1");
        assertThat(failed.get(1).message()).contains("same Id as record 0");
        assertThat(zuora.record(ORDER, ids.get(1)).orElseThrow()).containsEntry("Amount__c", 4);
    }

    @Test
    void describeReadsTheDefinition() {
        Exchange exchange = send("zuora-objects:Order?operation=describe", null);

        assertThat(exchange.getMessage().getBody(Map.class)).isNotEmpty();
        assertThat(calls(ZuoraRoute.GET_DEFINITION)).isEqualTo(1);
    }
}
