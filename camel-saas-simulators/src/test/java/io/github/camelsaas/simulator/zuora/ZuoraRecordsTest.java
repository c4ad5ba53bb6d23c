package io.github.camelsaas.simulator.zuora;

import static io.github.camelsaas.simulator.testsupport.Gzip.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraRecordsTest extends ZuoraSimulatorTestBase {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TIMESTAMP_PATTERN = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void createdRecordsCarrySystemFieldsAndCanBeReadBack() {
        Reply created = client.create(VEHICLE, false, List.of(
                with(with(vehicle("D-1"), "Seats__c", 5), "Electric__c", true), vehicle("D-2")));

        assertThat(created.status()).isEqualTo(200);
        JsonNode records = created.json().get("records");
        assertThat(records).hasSize(2);
        JsonNode first = records.get(0);
        assertThat(first.get("Id").asText()).matches(UUID_PATTERN);
        assertThat(first.get("type").asText()).isEqualTo(VEHICLE);
        assertThat(first.get("CreatedById").asText()).matches("[0-9a-f]{32}").isEqualTo(first.get("UpdatedById").asText());
        assertThat(first.get("CreatedDate").asText()).matches(TIMESTAMP_PATTERN).isEqualTo(first.get("UpdatedDate").asText());
        assertThat(first.get("DeviceId__c").asText()).isEqualTo("D-1");
        assertThat(first.get("Seats__c").asInt()).isEqualTo(5);
        assertThat(created.json().has("error")).isFalse();

        Reply read = client.get(RECORDS + VEHICLE + "/" + first.get("Id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(first);
        assertThat(zuora.count(VEHICLE)).isEqualTo(2);
        assertThat(zuora.record(VEHICLE, first.get("Id").asText())).get()
                .extracting(r -> r.get("DeviceId__c")).isEqualTo("D-1");
        assertThat(zuora.records(VEHICLE)).extracting(r -> r.get("DeviceId__c")).containsExactlyInAnyOrder("D-1", "D-2");
    }

    @Test
    void aCallCreatesAtMost1000Records() {
        Reply thousand = client.create(VEHICLE, false, vehicles(1000, "A-"));
        Reply thousandAndOne = client.create(VEHICLE, false, vehicles(1001, "B-"));

        assertThat(thousand.status()).isEqualTo(200);
        assertThat(thousand.json().get("records")).hasSize(1000);
        assertThat(thousandAndOne.status()).isEqualTo(400);
        assertThat(thousandAndOne.json().get("code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_VALUE);
        assertThat(thousandAndOne.json().get("message").asText()).contains("1000");
        assertThat(zuora.count(VEHICLE)).isEqualTo(1000);
        assertThat(zuora.maxRecordsInOneCreate()).isEqualTo(1001);
    }

    @Test
    void pagingWithCursorsReturnsEveryRecordOnce() {
        client.create(VEHICLE, false, vehicles(250, "P-"));
        Set<String> stored = zuora.records(VEHICLE).stream().map(r -> (String) r.get("Id")).collect(Collectors.toSet());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = client.get(RECORDS + VEHICLE + "?pageSize=40" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("count").asInt()).isEqualTo(250);
            page.json().get("records").forEach(r -> seen.add(r.get("Id").asText()));
            cursor = page.json().has("cursor") ? page.json().get("cursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(stored);
    }

    @Test
    void aPageHoldsExactlyTheRecordsLeftWithoutACursorAtTheEnd() {
        client.create(VEHICLE, false, vehicles(20, "E-"));

        Reply all = client.get(RECORDS + VEHICLE + "?pageSize=20");
        Reply defaultSize = client.get(RECORDS + VEHICLE);

        assertThat(all.json().get("records")).hasSize(20);
        assertThat(all.json().has("cursor")).isFalse();
        assertThat(defaultSize.json().get("records")).hasSize(QueryRecordsEndpoint.DEFAULT_PAGE_SIZE);
        assertThat(defaultSize.json().get("cursor").asText()).matches(UUID_PATTERN);
    }

    @Test
    void pageSizeIsBetween1And1000AndRequiredWithACursor() {
        client.create(VEHICLE, false, vehicles(2, "S-"));
        String cursor = client.get(RECORDS + VEHICLE + "?pageSize=1").json().get("cursor").asText();

        assertThat(client.get(RECORDS + VEHICLE + "?pageSize=1").status()).isEqualTo(200);
        assertThat(client.get(RECORDS + VEHICLE + "?pageSize=1000").status()).isEqualTo(200);
        assertThat(client.get(RECORDS + VEHICLE + "?pageSize=0").status()).isEqualTo(400);
        assertThat(client.get(RECORDS + VEHICLE + "?pageSize=1001").status()).isEqualTo(400);
        assertThat(client.get(RECORDS + VEHICLE + "?pageSize=ten").status()).isEqualTo(400);
        assertThat(client.get(RECORDS + VEHICLE + "?cursor=" + cursor).status()).isEqualTo(400);
        assertThat(client.get(RECORDS + VEHICLE + "?pageSize=5&cursor=not-a-uuid").status()).isEqualTo(400);
        assertThat(client.get(RECORDS + VEHICLE + "?pageSize=5&cursor=" + cursor).json().get("records")).hasSize(1);
    }

    @Test
    void queriesFilterOnFilterableFields() {
        client.create(VEHICLE, false, List.of(
                with(with(vehicle("Q-1"), "Seats__c", 2), "Electric__c", true),
                with(with(vehicle("Q-2"), "Seats__c", 5), "Electric__c", true),
                with(with(vehicle("Q-3"), "Seats__c", 7), "Electric__c", false),
                with(vehicle("Q 4"), "Price__c", 1.5)));

        assertThat(deviceIds("Electric__c:true AND Seats__c:>=4")).containsExactly("Q-2");
        assertThat(deviceIds("Seats__c:<5")).containsExactly("Q-1");
        assertThat(deviceIds("Seats__c:5")).containsExactly("Q-2");
        assertThat(deviceIds("DeviceId__c:\"Q 4\"")).containsExactly("Q 4");
        assertThat(deviceIds("Price__c:1.50")).containsExactly("Q 4");
        assertThat(deviceIds("_exists_:Seats__c && !Electric__c:true")).containsExactly("Q-3");
        assertThat(query("Notes__c:x").status()).isEqualTo(400);
        assertThat(query("Unknown__c:x").status()).isEqualTo(400);
        assertThat(query("Seats__c:2 OR Seats__c:5").json().get("message").asText()).contains("OR");
        assertThat(query("Electric__c:true").json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void putReplacesTheCustomFields() {
        JsonNode created = createOne(with(with(vehicle("U-1"), "Seats__c", 4), "Notes__c", "old"));
        String path = RECORDS + VEHICLE + "/" + created.get("Id").asText();

        Reply replaced = client.put(path, Map.of("DeviceId__c", "U-1b", "Notes__c", "new"));

        assertThat(replaced.status()).isEqualTo(200);
        JsonNode record = client.get(path).json();
        assertThat(record.get("DeviceId__c").asText()).isEqualTo("U-1b");
        assertThat(record.get("Notes__c").asText()).isEqualTo("new");
        assertThat(record.has("Seats__c")).isFalse();
        assertThat(record.get("CreatedDate")).isEqualTo(created.get("CreatedDate"));
        assertThat(record.get("Id")).isEqualTo(created.get("Id"));

        Reply missingRequired = client.put(path, Map.of("Notes__c", "no device"));
        assertThat(missingRequired.status()).isEqualTo(400);
        assertThat(missingRequired.json().at("/details/0/code").asInt()).isEqualTo(ZuoraErrorCodes.MISSING_REQUIRED_FIELD);
        assertThat(client.get(path).json().get("DeviceId__c").asText()).isEqualTo("U-1b");
    }

    @Test
    void patchMergesAndNullRemovesAField() {
        JsonNode created = createOne(with(with(vehicle("M-1"), "Seats__c", 4), "Notes__c", "keep me?"));
        String path = RECORDS + VEHICLE + "/" + created.get("Id").asText();
        Map<String, Object> patch = new java.util.HashMap<>();
        patch.put("Seats__c", 6);
        patch.put("Notes__c", null);

        Reply patched = client.patch(path, patch);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("Seats__c").asInt()).isEqualTo(6);
        assertThat(patched.json().get("DeviceId__c").asText()).isEqualTo("M-1");
        assertThat(patched.json().has("Notes__c")).isFalse();
        assertThat(client.get(path).json()).isEqualTo(patched.json());
        assertThat(client.patch(path, Map.of("Seats__c", "six")).status()).isEqualTo(400);
        assertThat(client.patch(path, Map.of("Seats__c", 1), "application/json").status()).isEqualTo(415);
    }

    @Test
    void missingRecordsAnswer404InTheSpecShape() {
        String path = RECORDS + VEHICLE + "/3a437f0b-fa7a-45bf-a9a5-2187a5a13ec0";

        for (Reply reply : List.of(client.get(path), client.put(path, vehicle("X")), client.patch(path, vehicle("X")))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("success").asBoolean()).isFalse();
            assertThat(reply.json().at("/reasons/0/code").asText()).isEqualTo("71012540");
            assertThat(reply.json().get("requestId").asText()).isEqualTo(reply.header("Zuora-Request-Id"));
        }
    }

    @Test
    void deleteAnswers200WithTheRecordUriEvenWhenAbsent() {
        String id = createOne(vehicle("DEL-1")).get("Id").asText();
        String path = RECORDS + VEHICLE + "/" + id;

        Reply deleted = client.delete(path);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().asText()).isEqualTo(path);
        assertThat(client.get(path).status()).isEqualTo(404);
        assertThat(zuora.count(VEHICLE)).isZero();
        assertThat(client.delete(path).status()).isEqualTo(200);
    }

    @Test
    void gzippedBodiesAreAccepted() throws IOException {
        String body = ZuoraTestClient.json(Map.of("records", vehicles(3, "GZ-")));

        Reply reply = client.send(client.authorized(RECORDS + VEHICLE)
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(body))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(zuora.count(VEHICLE)).isEqualTo(3);
    }

    @Test
    void objectsWithoutADefinitionAreRefusedUnlessRegisteredOrAccepted() {
        assertThat(client.create("Boat", false, List.of(Map.of("Name__c", "x"))).json().get("code").asInt())
                .isEqualTo(ZuoraErrorCodes.NOT_FOUND);
        assertThat(client.create("Boat", false, List.of(Map.of("Name__c", "x"))).status()).isEqualTo(400);
        assertThat(client.get(RECORDS + "Boat").status()).isEqualTo(404);
        assertThat(client.get(RECORDS + "Boat/3a437f0b-fa7a-45bf-a9a5-2187a5a13ec0").status()).isEqualTo(404);

        zuora.registerObject("Boat");
        Reply anyFields = client.create("Boat", false, List.of(Map.of("Name__c", "x", "length", 12, "sails", true)));
        assertThat(anyFields.status()).isEqualTo(200);
        assertThat(client.create("Boat", false, List.of(Map.of("Name__c", ""))).status()).isEqualTo(400);

        zuora.setAcceptUnknownObjects(true);
        assertThat(client.create("Plane", false, List.of(Map.of("Wings__c", 2))).status()).isEqualTo(200);
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).contains("Plane");
        zuora.reset();
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).containsExactly("Boat", VEHICLE);
    }

    @Test
    void unknownPathsAndMethodsAreRefused() {
        assertThat(client.get("/objects/nothing").status()).isEqualTo(404);
        assertThat(client.send(client.authorized(RECORDS + VEHICLE).PUT(HttpRequest.BodyPublishers.ofString("{}")))
                .status()).isEqualTo(405);
    }

    @Test
    void resetEmptiesTheStore() {
        client.create(VEHICLE, false, vehicles(3, "R-"));
        zuora.reset();
        assertThat(zuora.count(VEHICLE)).isZero();
        assertThat(zuora.maxRecordsInOneCreate()).isZero();
        assertThat(client.get(RECORDS + VEHICLE).json().get("count").asInt()).isZero();
    }

    private JsonNode createOne(Map<String, Object> record) {
        Reply reply = client.create(VEHICLE, false, List.of(record));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("records").get(0);
    }

    private Reply query(String q) {
        return client.get(RECORDS + VEHICLE + "?pageSize=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private List<String> deviceIds(String q) {
        Reply reply = query(q);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().get("records").forEach(r -> ids.add(r.get("DeviceId__c").asText()));
        return ids;
    }
}
