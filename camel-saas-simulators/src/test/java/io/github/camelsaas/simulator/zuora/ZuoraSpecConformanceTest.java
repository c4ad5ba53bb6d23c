package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelsaas.simulator.conformance.OpenApiResponseChecker;
import io.github.camelsaas.simulator.conformance.SpecsDir;
import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

/**
 * The simulator's answers against Zuora's OpenAPI description ({@code zuora-custom-objects.openapi.yaml} in the
 * directory named by the system property {@code camelsaas.specs.dir}): for a sample of operations and outcomes,
 * the status is one the description documents for the operation and the body has what its schema requires.
 * Outcomes the description does not document (a 401 from the token endpoint, a 401 on reads) are not sampled.
 */
class ZuoraSpecConformanceTest extends ZuoraSimulatorTestBase {

    private static final String SPEC_FILE = "zuora-custom-objects.openapi.yaml";
    private static final String RECORD = "/objects/records/default/{object}/{id}";
    private static final String RECORDS_TEMPLATE = "/objects/records/default/{object}";
    private static final String BATCH = "/objects/batch/default/{object}";

    private OpenApiResponseChecker spec;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void loadSpec() throws Exception {
        spec = OpenApiResponseChecker.load(SpecsDir.require(SPEC_FILE)).withRequiredHeaders("Zuora-Request-Id");
    }

    @Test
    void answersConformToZuorasDescription() {
        check("POST", "/oauth/token",
                client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET), 200);

        Reply created = client.create(VEHICLE, false, vehicles(3, "C-"));
        check("POST", RECORDS_TEMPLATE, created, 200);
        String id = created.json().at("/records/0/Id").asText();
        check("POST", RECORDS_TEMPLATE, client.create(VEHICLE, true,
                List.of(vehicle("OK"), with(vehicle("BAD"), "Seats__c", "x"))), 200);
        check("POST", RECORDS_TEMPLATE, client.create(VEHICLE, false, List.of(vehicle(""))), 400);
        check("POST", RECORDS_TEMPLATE, client.send(HttpRequest.newBuilder(client.uri(RECORDS + VEHICLE))
                .POST(HttpRequest.BodyPublishers.ofString("{\"records\":[]}"))), 401);
        zuora.failNextCreateWithRetryableRecords(1);
        check("POST", RECORDS_TEMPLATE, client.create(VEHICLE, false, vehicles(4, "R-")), 500);

        check("GET", RECORDS_TEMPLATE, client.get(RECORDS + VEHICLE + "?pageSize=2"), 200);
        check("GET", RECORD, client.get(RECORDS + VEHICLE + "/" + id), 200);
        check("GET", RECORD, client.get(RECORDS + VEHICLE + "/3a437f0b-fa7a-45bf-a9a5-2187a5a13ec0"), 404);
        check("PUT", RECORD, client.put(RECORDS + VEHICLE + "/" + id, vehicle("PUT")), 200);
        check("PATCH", RECORD, client.patch(RECORDS + VEHICLE + "/" + id, Map.of("Seats__c", 2)), 200);
        check("PATCH", RECORD, client.patch(RECORDS + VEHICLE + "/3a437f0b-fa7a-45bf-a9a5-2187a5a13ec0",
                Map.of("Seats__c", 2)), 404);

        check("POST", BATCH, client.post("/objects/batch/default/" + VEHICLE, Map.of("action", Map.of(
                "type", "update", "allowPartialSuccess", true, "records", Map.of(id, Map.of("Seats__c", 3),
                        "3a437f0b-fa7a-45bf-a9a5-2187a5a13ec0", Map.of("Seats__c", 3))))), 200);
        check("POST", BATCH, client.post("/objects/batch/default/" + VEHICLE, Map.of("action", Map.of(
                "type", "update", "records", Map.of(id, Map.of("Seats__c", "three"))))), 400);
        check("POST", BATCH, client.post("/objects/batch/default/" + VEHICLE, Map.of("action", Map.of(
                "type", "delete", "ids", List.of(id)))), 200);
        check("DELETE", RECORD, client.delete(RECORDS + VEHICLE + "/" + id), 200);

        check("GET", "/objects/definitions/default", client.get("/objects/definitions/default"), 200);
        check("GET", "/objects/definitions/default/{object}", client.get("/objects/definitions/default/" + VEHICLE), 200);
        check("GET", "/objects/definitions/default/{object}", client.get("/objects/definitions/default/Nothing"), 404);
        check("POST", "/objects/definitions/default", client.post("/objects/definitions/default",
                ZuoraDefinitionsCreateTest.truckDefinitions()), 200);
        check("POST", "/objects/definitions/default", client.post("/objects/definitions/default",
                ZuoraDefinitionsCreateTest.truckDefinitions()), 400);
        check("GET", "/objects/definitions/default/{object}", client.get("/objects/definitions/default/Truck"), 200);
        check("GET", "/objects/definitions/default", client.get("/objects/definitions/default"), 200);

        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckerCatchesWhatItIsFor() {
        JsonNode noRecords = ZuoraTestClient.JSON.valueToTree(Map.of("count", 1));
        JsonNode stringCount = ZuoraTestClient.JSON.valueToTree(Map.of("count", "1", "records", List.of()));
        JsonNode badRecord = ZuoraTestClient.JSON.valueToTree(Map.of("count", 1, "records", List.of(Map.of("Id", 7))));
        Function<String, String> header = name -> "3a437f0b-fa7a-45bf-a9a5-2187a5a13ec0";

        assertThat(spec.problems("GET", RECORDS_TEMPLATE, 200, noRecords, header)).singleElement().asString()
                .contains("records");
        assertThat(spec.problems("GET", RECORDS_TEMPLATE, 200, stringCount, header)).singleElement().asString()
                .contains("$.count");
        assertThat(spec.problems("GET", RECORDS_TEMPLATE, 200, badRecord, header)).singleElement().asString()
                .contains("$.records[0].Id");
        assertThat(spec.problems("GET", RECORD, 401, noRecords, header)).singleElement().asString()
                .contains("not documented");
        assertThat(spec.problems("GET", RECORDS_TEMPLATE, 200, stringCount)).hasSize(2);
    }

    private void check(String method, String template, Reply reply, int expectedStatus) {
        assertThat(reply.status()).as(method + " " + template + ": " + reply.body()).isEqualTo(expectedStatus);
        JsonNode body = reply.body().isEmpty() ? null : reply.json();
        spec.problems(method, template, reply.status(), body, reply::header)
                .forEach(problem -> problems.add(method + " " + template + " " + reply.status() + ": " + problem));
    }
}
