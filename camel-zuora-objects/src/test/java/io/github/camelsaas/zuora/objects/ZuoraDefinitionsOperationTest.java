package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/**
 * describe, listDefinitions and createDefinitions: the call each makes (method, path, query, body, headers), what
 * the message answers (body and headers), and bad bodies failing before any request.
 */
class ZuoraDefinitionsOperationTest extends ZuoraTestSupport {

    private static final String DEFINITIONS_PATH = "/objects/definitions/default";

    @BeforeEach
    void defineVehicleAndForgetSetupCalls() {
        zuora.registerDefinition(ObjectDefinition.builder("Vehicle").label("Vehicle")
                .field(FieldDefinition.string("DeviceId__c").maxLength(20).required().filterable())
                .build());
        zuora.wireMock().resetRequests();
    }

    /** Zuora's own example body of a definitions create, with a required and filterable field. */
    static Map<String, Object> truckDefinitions() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("DeviceId__c", Map.of("label", "Device ID", "type", "string", "maxLength", 20));
        properties.put("Axles__c", Map.of("label", "Axles", "type", "integer"));
        Map<String, Object> truck = new LinkedHashMap<>();
        truck.put("object", "Truck");
        truck.put("label", "Truck");
        truck.put("properties", properties);
        truck.put("required", List.of("DeviceId__c"));
        truck.put("filterable", List.of("DeviceId__c"));
        return Map.of("definitions", Map.of("Truck", truck));
    }

    @Test
    void describeGetsTheEndpointObjectsDefinition() {
        Exchange exchange = send("zuora-objects:Vehicle?operation=describe&trackId=defs-1", "ignored body");

        assertThat(exchange.getException()).isNull();
        Map<String, Object> definition = exchange.getMessage().getBody(Map.class);
        assertThat(definition).containsEntry("type", "Vehicle");
        assertThat(definition).extractingByKey("schema").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("object", "Vehicle");
        LoggedRequest request = onlyDataRequest("GET", DEFINITIONS_PATH + "/Vehicle");
        assertThat(request.getBodyAsString()).isEmpty();
        assertThat(request.getHeader("Zuora-Track-Id"))
                .isEqualTo("defs-1");
        assertAnswerHeaders(exchange, "defs-1");
    }

    @Test
    void describeOfAnObjectWithoutDefinitionAnswersANullBodyAsGetDoes() {
        Exchange exchange = send("zuora-objects:Boat?operation=describe", Map.of("stale", "body"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        onlyDataRequest("GET", DEFINITIONS_PATH + "/Boat");
        assertAnswerHeaders(exchange, null);
    }

    @Test
    void listDefinitionsAnswersEveryDefinitionAsAListWhateverTheEndpointsObject() {
        Exchange exchange = send("zuora-objects:AnyName?operation=listDefinitions", null);

        assertThat(exchange.getException()).isNull();
        List<Map<String, Object>> definitions = exchange.getMessage().getBody(List.class);
        assertThat(definitions).extracting(definition -> definition.get("type"))
                .containsExactly(ORDER, "Vehicle");
        LoggedRequest request = onlyDataRequest("GET", DEFINITIONS_PATH);
        assertThat(request.getUrl()).as("no select: the full definitions").isEqualTo(DEFINITIONS_PATH);
        assertAnswerHeaders(exchange, null);
    }

    @Test
    void listDefinitionsOfATenantWithoutAnyAnswersAnEmptyList() {
        zuora.resetAll();
        zuora.wireMock().resetRequests();

        Exchange exchange = send("zuora-objects:Order?operation=listDefinitions", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).isEmpty();
    }

    @Test
    void createDefinitionsPostsTheBodyAndAnswersTheCreatedDefinitions() throws Exception {
        Exchange exchange = send("zuora-objects:Order?operation=createDefinitions&trackId=setup-1"
                + "&zuoraVersion=2024-05-20&entityIds=e-1", truckDefinitions());

        assertThat(exchange.getException()).isNull();
        List<Map<String, Object>> created = exchange.getMessage().getBody(List.class);
        assertThat(created).singleElement().satisfies(truck -> {
            assertThat(truck).containsEntry("type", "Truck").containsKey("Id");
            assertThat(truck.get("schema").toString()).contains("DeviceId__c", "Axles__c");
        });
        LoggedRequest request = onlyDataRequest("POST", DEFINITIONS_PATH);
        assertThat(request.getUrl()).isEqualTo(DEFINITIONS_PATH);
        assertThat(json(request)).isEqualTo(MAPPER.readValue(MAPPER.writeValueAsString(truckDefinitions()), Map.class));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
        assertThat(request.getHeader("Zuora-Version")).isEqualTo("2024-05-20");
        assertThat(request.getHeader("Zuora-Entity-Ids")).isEqualTo("e-1");
        assertAnswerHeaders(exchange, "setup-1");

        // records of the new object can be written at once, and are checked against its definition
        Exchange record = send("zuora-objects:Truck", Map.of("DeviceId__c", "T-1", "Axles__c", 3));
        Exchange invalid = send("zuora-objects:Truck", Map.of("Axles__c", 3));
        assertThat(record.getException()).isNull();
        assertThat(record.getMessage().getBody(Map.class)).containsKey("Id");
        assertThat(invalid.getException()).hasMessageContaining("DeviceId__c");
        assertThat(zuora.count("Truck")).isEqualTo(1);
    }

    @Test
    void createDefinitionsTakesJsonTextAndTheOperationHeader() throws Exception {
        String body = MAPPER.writeValueAsString(truckDefinitions());

        Exchange exchange = send("zuora-objects:Order", body,
                Map.of(ZuoraObjectsConstants.OPERATION, "createdefinitions"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(1);
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).contains("Truck");
        assertThat(json(onlyDataRequest("POST", DEFINITIONS_PATH))).containsKey("definitions");
    }

    @Test
    void aDefinitionZuoraRefusesFailsWithItsAnswerAndIsNotReplayed() {
        Map<String, Object> vehicleAgain = Map.of("definitions", Map.of("Vehicle",
                Map.of("object", "Vehicle", "label", "Vehicle")));

        Exchange exchange = send("zuora-objects:Vehicle?operation=createDefinitions", vehicleAgain);

        assertThat(exchange.getException()).isInstanceOf(ZuoraApiException.class)
                .hasMessageContaining("POST /objects/definitions/default answered 400")
                .hasMessageContaining("already exists");
        assertThat(((ZuoraApiException) exchange.getException()).getHttpStatus()).isEqualTo(400);
        assertThat(calls(ZuoraRoute.CREATE_DEFINITIONS)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNoDefinitionsRequestFailsBeforeAnyRequest() {
        assertRefusedBeforeSending(null, "must be one JSON object");
        assertRefusedBeforeSending(List.of(truckDefinitions()), "not a list");
        assertRefusedBeforeSending("[{\"definitions\": {}}]", "not a list");
        assertRefusedBeforeSending("{not json", "must be one JSON object");
        assertRefusedBeforeSending(Map.of("Truck", Map.of("object", "Truck", "label", "Truck")),
                "here it is missing");
        assertRefusedBeforeSending(Map.of("definitions", Map.of()), "here it is empty");
        assertRefusedBeforeSending(Map.of("definitions", List.of()), "here it is an array");
        assertRefusedBeforeSending(definitions(Map.of("object", "Truck")), "definitions.Truck.label is required");
        assertRefusedBeforeSending(definitions(Map.of("object", 7, "label", "Truck")),
                "definitions.Truck.object must be a string, is a number");
        assertRefusedBeforeSending(definitions(Map.of("object", "Truck", "label", "Truck",
                "properties", Map.of("Axles__c", Map.of("label", "Axles")))),
                "definitions.Truck.properties.Axles__c.type is required");
        assertRefusedBeforeSending(definitions(Map.of("object", "Truck", "label", "Truck",
                "properties", Map.of("Name__c", Map.of("label", "Name", "type", "string", "maxLength", "20")))),
                "maxLength must be an integer, is a string");
        assertRefusedBeforeSending(definitions(Map.of("object", "Truck", "label", "Truck",
                "required", "DeviceId__c")), "definitions.Truck.required must be an array of field names");
        assertRefusedBeforeSending(definitions(Map.of("object", "Truck", "label", "Truck",
                "relationships", List.of(Map.of("namespace", "com_zuora", "object", "orders")))),
                "definitions.Truck.relationships[0].fields is required");
        assertRefusedBeforeSending(definitions(Map.of("object", "Truck", "label", "Truck",
                "enableCreateRecordAuditing", "yes")), "enableCreateRecordAuditing must be a boolean");
    }

    @Test
    void anUnknownOperationNamesTheDefinitionOperations() {
        Exchange exchange = send("zuora-objects:Order", null, Map.of(ZuoraObjectsConstants.OPERATION, "define"));

        assertThat(exchange.getException()).hasMessageContaining("describe, listDefinitions, createDefinitions");
        assertThat(zuora.wireMock().getAllServeEvents()).isEmpty();
    }

    private static Map<String, Object> definitions(Map<String, Object> truck) {
        return Map.of("definitions", Map.of("Truck", truck));
    }

    private void assertRefusedBeforeSending(Object body, String messagePart) {
        Exchange exchange = send("zuora-objects:Order?operation=createDefinitions", body);

        assertThat(exchange.getException()).as("body %s", body).isInstanceOf(InvalidBodyException.class)
                .hasMessageContaining("Invalid createDefinitions body, nothing sent")
                .hasMessageContaining(messagePart);
        assertThat(zuora.wireMock().getAllServeEvents()).as("no request at all, not even for a token").isEmpty();
    }

    /** The one data request of the test, checked for method and path; the token request may precede it. */
    private static LoggedRequest onlyDataRequest(String method, String path) {
        List<LoggedRequest> requests = dataRequests();
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getMethod().getName()).isEqualTo(method);
        assertThat(request.getUrl()).startsWith(path);
        return request;
    }

    /** The call headers every message gets: one call, Zuora's request id of that call, the echoed track id. */
    private static void assertAnswerHeaders(Exchange exchange, String trackId) {
        ServeEvent served = zuora.wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/objects/"))
                .findFirst().orElseThrow();
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_ID))
                .isEqualTo(served.getResponse().getHeaders().getHeader("Zuora-Request-Id").firstValue());
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.TRACK_ID)).isEqualTo(trackId);
    }
}
