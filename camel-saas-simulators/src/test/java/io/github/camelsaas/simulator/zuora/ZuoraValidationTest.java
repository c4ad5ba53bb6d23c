package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraValidationTest extends ZuoraSimulatorTestBase {

    static Stream<Arguments> invalidRecords() {
        Map<String, Object> nullDevice = new HashMap<>();
        nullDevice.put("DeviceId__c", null);
        return Stream.of(
                Arguments.of("empty string", vehicle(""), ZuoraErrorCodes.INVALID_VALUE),
                Arguments.of("empty string in optional field", with(vehicle("V"), "Notes__c", ""),
                        ZuoraErrorCodes.INVALID_VALUE),
                Arguments.of("unknown field", with(vehicle("V"), "Colour__c", "red"), ZuoraErrorCodes.UNKNOWN_FIELD),
                Arguments.of("missing required field", Map.of("Seats__c", 4), ZuoraErrorCodes.MISSING_REQUIRED_FIELD),
                Arguments.of("null required field", nullDevice, ZuoraErrorCodes.MISSING_REQUIRED_FIELD),
                Arguments.of("string for integer", with(vehicle("V"), "Seats__c", "4"), ZuoraErrorCodes.INVALID_INTEGER),
                Arguments.of("fraction for integer", with(vehicle("V"), "Seats__c", 4.5), ZuoraErrorCodes.INVALID_INTEGER),
                Arguments.of("string for number", with(vehicle("V"), "Price__c", "1.5"), ZuoraErrorCodes.INVALID_NUMBER),
                Arguments.of("string for boolean", with(vehicle("V"), "Electric__c", "yes"), ZuoraErrorCodes.INVALID_BOOLEAN),
                Arguments.of("number for string", with(vehicle("V"), "DeviceId__c", 123),
                        ZuoraErrorCodes.INVALID_STRING),
                Arguments.of("over maxLength", vehicle("X".repeat(21)), ZuoraErrorCodes.INVALID_VALUE),
                Arguments.of("over default text length", with(vehicle("V"), "Notes__c", "n".repeat(256)),
                        ZuoraErrorCodes.INVALID_VALUE),
                Arguments.of("bad date", with(vehicle("V"), "Registered__c", "2024-13-01"), ZuoraErrorCodes.INVALID_VALUE),
                Arguments.of("number for date", with(vehicle("V"), "Registered__c", 20240101), ZuoraErrorCodes.INVALID_STRING),
                Arguments.of("date-time without offset", with(vehicle("V"), "LastSeen__c", "2024-07-09T06:41:17"),
                        ZuoraErrorCodes.INVALID_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void anInvalidRecordFailsTheCallWithItsCode(String description, Map<String, Object> record, int expectedCode) {
        Reply reply = client.create(VEHICLE, false, List.of(vehicle("GOOD-1"), record));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_VALUE);
        JsonNode details = reply.json().get("details");
        assertThat(details).hasSize(1);
        assertThat(details.get(0).get("code").asInt()).isEqualTo(expectedCode);
        assertThat(details.get(0).get("message").asText()).isNotBlank();
        assertThat(details.get(0).get("record")).isEqualTo(ZuoraTestClient.JSON.valueToTree(record));
        assertThat(zuora.count(VEHICLE)).as("nothing of a failed call is stored").isZero();
    }

    @Test
    void valuesAtTheirLimitsAreAccepted() {
        Reply reply = client.create(VEHICLE, false, List.of(with(with(with(with(with(with(
                vehicle("X".repeat(20)),
                "Notes__c", "n".repeat(255)),
                "Seats__c", 2_000_000_000_000L),
                "Price__c", 7),
                "Registered__c", "2024-02-29"),
                "LastSeen__c", "2024-07-09T06:41:17.377+02:00"),
                "Electric__c", false)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void withPartialSuccessTheGoodRecordsAreCreatedAndTheBadOnesNamed() {
        Map<String, Object> bad = with(vehicle("BAD"), "Seats__c", "many");
        Map<String, Object> empty = vehicle("");

        Reply reply = client.create(VEHICLE, true, List.of(vehicle("OK-1"), bad, vehicle("OK-2"), empty));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("records")).extracting(r -> r.get("DeviceId__c").asText())
                .containsExactly("OK-1", "OK-2");
        JsonNode error = reply.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_VALUE);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("details")).hasSize(2);
        assertThat(error.get("details").get(0).get("code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_INTEGER);
        assertThat(error.get("details").get(0).get("record")).isEqualTo(ZuoraTestClient.JSON.valueToTree(bad));
        assertThat(error.get("details").get(1).get("code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_VALUE);
        assertThat(zuora.records(VEHICLE)).extracting(r -> r.get("DeviceId__c")).containsExactlyInAnyOrder("OK-1", "OK-2");
    }

    @Test
    void withoutPartialSuccessOneBadRecordStoresNothing() {
        List<Map<String, Object>> records = vehicles(999, "OK-");
        records.add(with(vehicle("BAD"), "Electric__c", "maybe"));

        Reply reply = client.create(VEHICLE, false, records);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/details/0/code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_BOOLEAN);
        assertThat(zuora.count(VEHICLE)).isZero();
    }

    @Test
    void uniqueFieldsRefuseDuplicatesStoredOrInTheSameCall() {
        assertThat(client.create(VEHICLE, false, List.of(with(vehicle("A"), "Vin__c", "VIN-1"))).status()).isEqualTo(200);

        Reply againStored = client.create(VEHICLE, true, List.of(with(vehicle("B"), "Vin__c", "VIN-1"),
                with(vehicle("C"), "Vin__c", "VIN-2"), with(vehicle("D"), "Vin__c", "VIN-2")));

        assertThat(againStored.status()).isEqualTo(200);
        assertThat(againStored.json().get("records")).extracting(r -> r.get("DeviceId__c").asText()).containsExactly("C");
        assertThat(againStored.json().at("/error/details")).extracting(d -> d.get("code").asInt())
                .containsExactly(ZuoraErrorCodes.RULE_VIOLATION, ZuoraErrorCodes.RULE_VIOLATION);

        String idOfA = zuora.records(VEHICLE).stream().filter(r -> r.get("DeviceId__c").equals("A"))
                .map(r -> (String) r.get("Id")).findFirst().orElseThrow();
        assertThat(client.patch(RECORDS + VEHICLE + "/" + idOfA, Map.of("Vin__c", "VIN-2")).status()).isEqualTo(400);
        assertThat(client.patch(RECORDS + VEHICLE + "/" + idOfA, Map.of("Vin__c", "VIN-1", "Seats__c", 3)).status())
                .as("a record keeps its own unique value").isEqualTo(200);
        client.delete(RECORDS + VEHICLE + "/" + idOfA);
        assertThat(client.create(VEHICLE, false, List.of(with(vehicle("E"), "Vin__c", "VIN-1"))).status())
                .as("a deleted record frees its unique value").isEqualTo(200);
    }

    @Test
    void systemFieldsSentByAClientAreIgnored() {
        Reply reply = client.create(VEHICLE, false, List.of(with(with(vehicle("SYS"), "Id", "mine"), "CreatedDate", "x")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/records/0/Id").asText()).isNotEqualTo("mine");
        assertThat(reply.json().at("/records/0/CreatedDate").asText()).isNotEqualTo("x");
    }

    @Test
    void malformedBodiesAnswer400() {
        assertThat(client.post(RECORDS + VEHICLE, "{not json").status()).isEqualTo(400);
        assertThat(client.post(RECORDS + VEHICLE, "[]").status()).isEqualTo(400);
        assertThat(client.post(RECORDS + VEHICLE, Map.of("allowPartialSuccess", true)).json().get("code").asInt())
                .isEqualTo(ZuoraErrorCodes.MISSING_REQUIRED_FIELD);
        assertThat(client.post(RECORDS + VEHICLE, Map.of("records", List.of("text"))).status()).isEqualTo(400);
    }
}
