package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraFaultsTest extends ZuoraSimulatorTestBase {

    @Test
    void theRetryableRecordsFaultFiresExactlyItsCountAndStoresOnlyTheRecordsNotListed() {
        zuora.failNextCreateWithRetryableRecords(2, 3);

        Reply first = client.create(VEHICLE, false, vehicles(10, "F1-"));
        Reply second = client.create(VEHICLE, false, vehicles(10, "F2-"));
        Reply third = client.create(VEHICLE, false, vehicles(10, "F3-"));

        List<String> toRetry = new ArrayList<>();
        for (Reply failed : List.of(first, second)) {
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().get("code").asInt()).isEqualTo(ZuoraErrorCodes.RETRY_RECORDS);
            JsonNode details = failed.json().get("details");
            assertThat(details).hasSize(3);
            details.forEach(d -> {
                assertThat(d.get("code").asInt()).isEqualTo(ZuoraErrorCodes.RETRY_RECORDS);
                toRetry.add(d.at("/record/DeviceId__c").asText());
            });
        }
        assertThat(third.status()).isEqualTo(200);
        assertThat(zuora.pendingRetryableRecordFaults()).isZero();
        assertThat(zuora.count(VEHICLE)).isEqualTo(7 + 7 + 10);
        List<Object> stored = zuora.records(VEHICLE).stream().map(r -> r.get("DeviceId__c")).toList();
        assertThat(stored).doesNotContainAnyElementsOf(toRetry);
        // the listed records are neither a prefix nor a suffix of the call, so a client cannot guess them
        assertThat(toRetry.subList(0, 3)).isNotEqualTo(List.of("F1-0", "F1-1", "F1-2"))
                .isNotEqualTo(List.of("F1-7", "F1-8", "F1-9"));

        Reply retried = client.create(VEHICLE, false, toRetry.stream().map(ZuoraSimulatorTestBase::vehicle).toList());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(zuora.records(VEHICLE).stream().map(r -> r.get("DeviceId__c")).distinct().count()).isEqualTo(30);
    }

    @Test
    void byDefaultHalfOfTheRecordsAreToRetry() {
        zuora.failNextCreateWithRetryableRecords(1);

        Reply reply = client.create(VEHICLE, false, vehicles(8, "H-"));

        assertThat(reply.json().get("details")).hasSize(4);
        assertThat(zuora.count(VEHICLE)).isEqualTo(4);
        assertThat(client.create(VEHICLE, false, vehicles(1, "ONE-")).status()).isEqualTo(200);
    }

    @Test
    void aFailedValidationDoesNotUseUpTheFault() {
        zuora.failNextCreateWithRetryableRecords(1, 1);

        assertThat(client.create(VEHICLE, false, List.of(vehicle(""))).status()).isEqualTo(400);
        assertThat(zuora.pendingRetryableRecordFaults()).isEqualTo(1);

        Reply partly = client.create(VEHICLE, true, List.of(vehicle("OK-1"), vehicle(""), vehicle("OK-2")));
        assertThat(partly.status()).isEqualTo(500);
        assertThat(partly.json().get("details")).extracting(d -> d.get("code").asInt())
                .containsExactlyInAnyOrder(ZuoraErrorCodes.RETRY_RECORDS, ZuoraErrorCodes.INVALID_VALUE);
        assertThat(zuora.count(VEHICLE)).isEqualTo(1);
    }

    @Test
    void queuedHttpFaultsOfTheBaseFireExactlyTheirCount() {
        client.token();
        zuora.faults().failNext("/objects/records/.*", 2, Fault.status(503, "{\"message\":\"down\"}"));

        assertThat(client.create(VEHICLE, false, vehicles(1, "A-")).status()).isEqualTo(503);
        assertThat(client.get("/objects/definitions/default").status()).isEqualTo(200);
        assertThat(client.create(VEHICLE, false, vehicles(1, "B-")).status()).isEqualTo(503);
        assertThat(client.create(VEHICLE, false, vehicles(1, "C-")).status()).isEqualTo(200);
        assertThat(zuora.records(VEHICLE)).extracting(r -> r.get("DeviceId__c")).containsExactly("C-0");
    }

    @Test
    void resetDisarmsTheFault() {
        zuora.failNextCreateWithRetryableRecords(5);
        zuora.reset();

        assertThat(zuora.pendingRetryableRecordFaults()).isZero();
        assertThat(client.create(VEHICLE, false, List.of(Map.of("DeviceId__c", "X"))).status()).isEqualTo(200);
    }
}
