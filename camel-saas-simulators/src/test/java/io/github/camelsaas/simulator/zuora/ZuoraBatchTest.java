package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraBatchTest extends ZuoraSimulatorTestBase {

    private static final String BATCH = "/objects/batch/default/" + VEHICLE;
    private static final String ABSENT_ID = "3a437f0b-fa7a-45bf-a9a5-2187a5a13ec0";

    @Test
    void batchUpdateMergesFieldsIntoEachRecord() {
        List<String> ids = createVehicles(3);

        Reply reply = client.post(BATCH, update(false, Map.of(
                ids.get(0), Map.of("Seats__c", 2),
                ids.get(1), Map.of("Seats__c", 4, "DeviceId__c", "renamed"))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("error")).isFalse();
        assertThat(field(ids.get(0), "Seats__c")).isEqualTo(2);
        assertThat(field(ids.get(0), "DeviceId__c")).isEqualTo("B-0");
        assertThat(field(ids.get(1), "DeviceId__c")).isEqualTo("renamed");
        assertThat(field(ids.get(2), "Seats__c")).isNull();
    }

    @Test
    void batchUpdateWithPartialSuccessReportsEachRejectedRecord() {
        List<String> ids = createVehicles(3);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(ids.get(0), Map.of("Seats__c", 9));
        changes.put(ABSENT_ID, Map.of("Seats__c", 1));
        changes.put(ids.get(1), Map.of("Electric__c", "no"));

        Reply reply = client.post(BATCH, update(true, changes));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_VALUE);
        assertThat(reply.json().at("/error/details")).extracting(d -> d.get("code").asInt())
                .containsExactly(ZuoraErrorCodes.NOT_FOUND, ZuoraErrorCodes.INVALID_BOOLEAN);
        assertThat(reply.json().at("/error/details")).extracting(d -> d.at("/record/Id").asText())
                .containsExactly(ABSENT_ID, ids.get(1));
        assertThat(field(ids.get(0), "Seats__c")).isEqualTo(9);
        assertThat(field(ids.get(1), "Electric__c")).isNull();
    }

    @Test
    void batchUpdateWithoutPartialSuccessUpdatesNothingWhenOneRecordFails() {
        List<String> ids = createVehicles(2);

        Reply reply = client.post(BATCH, update(false, Map.of(
                ids.get(0), Map.of("Seats__c", 9), ids.get(1), Map.of("DeviceId__c", ""))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/details/0/code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_VALUE);
        assertThat(reply.json().at("/details/0/record/Id").asText()).isEqualTo(ids.get(1));
        assertThat(field(ids.get(0), "Seats__c")).isNull();
    }

    @Test
    void batchDeleteRemovesTheListedRecordsAndIgnoresAbsentOnes() {
        List<String> ids = createVehicles(3);

        Reply reply = client.post(BATCH, delete(List.of(ids.get(0), ids.get(2), ABSENT_ID)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(zuora.records(VEHICLE)).extracting(r -> r.get("Id")).containsExactly(ids.get(1));
    }

    @Test
    void aBatchTakesAtMost1000Records() {
        List<String> ids = createVehicles(1000);
        List<String> thousandAndOne = new ArrayList<>(ids);
        thousandAndOne.add(ABSENT_ID);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < 1001; i++) {
            changes.put(i < 1000 ? ids.get(i) : ABSENT_ID, Map.of("Seats__c", 1));
        }

        assertThat(client.post(BATCH, delete(thousandAndOne)).status()).isEqualTo(400);
        assertThat(client.post(BATCH, update(true, changes)).status()).isEqualTo(400);
        assertThat(zuora.count(VEHICLE)).isEqualTo(1000);
        changes.remove(ABSENT_ID);
        assertThat(client.post(BATCH, update(false, changes)).status()).isEqualTo(200);
        assertThat(client.post(BATCH, delete(ids)).status()).isEqualTo(200);
        assertThat(zuora.count(VEHICLE)).isZero();
    }

    @Test
    void aMalformedActionAnswers400() {
        assertThat(client.post(BATCH, Map.of("action", Map.of("type", "upsert"))).status()).isEqualTo(400);
        assertThat(client.post(BATCH, Map.of("action", Map.of("type", "delete"))).status()).isEqualTo(400);
        assertThat(client.post(BATCH, Map.of("nothing", 1)).status()).isEqualTo(400);
        assertThat(client.post("/objects/batch/default/Boat", delete(List.of(ABSENT_ID))).status()).isEqualTo(400);
    }

    private List<String> createVehicles(int count) {
        Reply reply = client.create(VEHICLE, false, vehicles(count, "B-"));
        assertThat(reply.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().get("records").forEach(r -> ids.add(r.get("Id").asText()));
        return ids;
    }

    private Object field(String id, String field) {
        return zuora.record(VEHICLE, id).orElseThrow().get(field);
    }

    private static Map<String, Object> update(boolean allowPartialSuccess, Map<String, ?> records) {
        return Map.of("action", Map.of("type", "update", "allowPartialSuccess", allowPartialSuccess, "records", records));
    }

    private static Map<String, Object> delete(List<String> ids) {
        return Map.of("action", Map.of("type", "delete", "ids", ids));
    }
}
