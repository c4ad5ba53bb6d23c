package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

/**
 * {@code POST /objects/definitions/default} defines objects whose records can then be written, the list and the
 * describe show them as defined; bad bodies are refused whole; the accept-any-object mode defines objects on the fly.
 */
class ZuoraDefinitionsCreateTest extends ZuoraSimulatorTestBase {

    private static final String DEFINITIONS = "/objects/definitions/default";

    /** The spec's own example of a create body, plus a required, filterable and unique field. */
    static Map<String, Object> truckDefinitions() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("DeviceId__c", Map.of("label", "Device ID", "type", "string", "maxLength", 20));
        properties.put("OrderId__c", Map.of("label", "Order ID", "type", "string", "format", "uuid"));
        properties.put("Axles__c", Map.of("label", "Axles", "type", "integer"));
        properties.put("Registered__c", Map.of("label", "Registered", "type", "string", "format", "date"));
        Map<String, Object> truck = new LinkedHashMap<>();
        truck.put("object", "Truck");
        truck.put("label", "Truck");
        truck.put("properties", properties);
        truck.put("required", List.of("DeviceId__c"));
        truck.put("filterable", List.of("DeviceId__c", "Axles__c"));
        truck.put("unique", List.of("DeviceId__c"));
        truck.put("relationships", List.of(Map.of("namespace", "com_zuora", "object", "orders",
                "fields", Map.of("OrderId__c", "Id"))));
        return Map.of("definitions", Map.of("Truck", truck));
    }

    @Test
    void aCreateDefinesTheObjectAndAnswersItsDefinition() {
        Reply reply = client.post(DEFINITIONS, truckDefinitions());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Zuora-Request-Id")).hasSize(36);
        JsonNode answer = reply.json();
        assertThat(answer.get("count").asInt()).isEqualTo(1);
        JsonNode truck = answer.at("/definitions/Truck");
        assertThat(truck.get("type").asText()).isEqualTo("Truck");
        assertThat(truck.get("Id").asText()).hasSize(36);
        JsonNode schema = truck.get("schema");
        assertThat(schema.get("label").asText()).isEqualTo("Truck");
        assertThat(schema.at("/properties/DeviceId__c/maxLength").asInt()).isEqualTo(20);
        assertThat(schema.at("/properties/DeviceId__c/label").asText()).isEqualTo("Device ID");
        assertThat(schema.at("/properties/OrderId__c/format").asText()).isEqualTo("uuid");
        assertThat(schema.at("/properties/Axles__c/type").asText()).isEqualTo("integer");
        assertThat(schema.at("/properties/Registered__c/format").asText()).isEqualTo("date");
        assertThat(schema.get("required")).extracting(JsonNode::asText).contains("DeviceId__c");
        assertThat(schema.get("filterable")).extracting(JsonNode::asText).contains("DeviceId__c", "Axles__c")
                .doesNotContain("OrderId__c");
        assertThat(schema.get("unique")).extracting(JsonNode::asText).containsExactly("DeviceId__c");
        assertThat(schema.at("/relationships/0/object").asText()).isEqualTo("orders");
        assertThat(schema.at("/relationships/0/cardinality").asText()).isEqualTo("manyToOne");
        assertThat(schema.at("/relationships/0/recordConstraints/create/enforceValidMapping").asBoolean()).isTrue();
        assertNoNulls(answer);

        // the list and the describe answer what was defined
        Reply described = client.get(DEFINITIONS + "/Truck");
        assertThat(described.status()).isEqualTo(200);
        assertThat(described.json().get("schema")).isEqualTo(schema);
        Reply all = client.get(DEFINITIONS);
        assertThat(all.json().get("count").asInt()).isEqualTo(2);
        assertThat(all.json().at("/definitions/Truck/schema")).isEqualTo(schema);
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).containsExactly("Truck", VEHICLE);
    }

    @Test
    void recordsOfANewObjectCanBeCreatedQueriedAndAreValidatedAgainstIt() {
        client.post(DEFINITIONS, truckDefinitions());

        Reply created = client.create("Truck", false, List.of(Map.of("DeviceId__c", "T-1", "Axles__c", 3)));
        Reply wrongType = client.create("Truck", false, List.of(Map.of("DeviceId__c", "T-2", "Axles__c", "three")));
        Reply missingRequired = client.create("Truck", false, List.of(Map.of("Axles__c", 2)));
        Reply duplicate = client.create("Truck", false, List.of(Map.of("DeviceId__c", "T-1")));
        Reply found = client.get(RECORDS + "Truck?q=Axles__c%3A3");
        Reply notFilterable = client.get(RECORDS + "Truck?q=OrderId__c%3A%27x%27");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().at("/records/0/Id").asText()).hasSize(36);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().at("/details/0/code").asInt()).isEqualTo(ZuoraErrorCodes.INVALID_INTEGER);
        assertThat(missingRequired.json().at("/details/0/code").asInt())
                .isEqualTo(ZuoraErrorCodes.MISSING_REQUIRED_FIELD);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(found.json().get("count").asInt()).isEqualTo(1);
        assertThat(found.json().at("/records/0/DeviceId__c").asText()).isEqualTo("T-1");
        assertThat(notFilterable.status()).isEqualTo(400);
        assertThat(zuora.count("Truck")).isEqualTo(1);
    }

    @Test
    void aBadBodyIsRefusedWholeWithTheDocumentedErrorShape() {
        Map<String, Object> good = Map.of("object", "Boat", "label", "Boat",
                "properties", Map.of("Name__c", Map.of("type", "string", "label", "Name")));
        Map<String, Object> noLabel = Map.of("object", "Bike",
                "properties", Map.of("Name__c", Map.of("type", "string", "label", "Name")));
        Map<String, Object> twoDefinitions = new LinkedHashMap<>();
        twoDefinitions.put("Boat", good);
        twoDefinitions.put("Bike", noLabel);

        Reply reply = client.post(DEFINITIONS, Map.of("definitions", twoDefinitions));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("success").asBoolean()).isFalse();
        assertThat(reply.json().at("/reasons/0/code").asText())
                .isEqualTo(String.valueOf(ZuoraErrorCodes.MISSING_REQUIRED_FIELD));
        assertThat(reply.json().at("/reasons/0/message").asText()).contains("definitions.Bike.label");
        assertThat(reply.json().get("requestId").asText()).isEqualTo(reply.header("Zuora-Request-Id"));
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).containsExactly(VEHICLE);
    }

    @Test
    void eachRuleOfTheRequestSchemaIsChecked() {
        assertRefused(Map.of(), "definitions");
        assertRefused(Map.of("definitions", Map.of()), "definitions");
        assertRefused(boat(Map.of("type", "text", "label", "Name")), "use string");
        assertRefused(boat(Map.of("type", "string")), "Name__c.label");
        assertRefused(boat(Map.of("type", "integer", "label", "Name", "maxLength", 3)), "string fields only");
        assertRefused(boat(Map.of("type", "string", "label", "Name", "maxLength", 9_000)), "8192");
        assertRefused(Map.of("definitions", Map.of("Boat", Map.of("object", "Boat", "label", "Boat",
                "properties", Map.of("Name", Map.of("type", "string", "label", "Name"))))), "__c");
        assertRefused(Map.of("definitions", Map.of("Boat", Map.of("object", "Ship", "label", "Boat"))),
                "definitions.Boat.object");
        assertRefused(Map.of("definitions", Map.of("Boat", Map.of("object", "Boat", "label", "Boat",
                "required", List.of("Hull__c")))), "Hull__c");
        assertRefused(Map.of("definitions", Map.of("Boat", Map.of("object", "Boat", "label", "Boat",
                "relationships", List.of(Map.of("namespace", "com_zuora", "object", "orders"))))), "fields");
        assertRefused(Map.of("definitions", Map.of(VEHICLE, Map.of("object", VEHICLE, "label", "Vehicle"))),
                "already exists");
        assertThat(client.send(client.authorized(DEFINITIONS).POST(java.net.http.HttpRequest.BodyPublishers
                .ofString("{not json"))).status()).isEqualTo(400);
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).containsExactly(VEHICLE);
    }

    @Test
    void definitionsCanBeRegisteredFromJavaWithTheSameRules() throws Exception {
        List<String> defined = zuora.registerDefinitions(ZuoraTestClient.json(truckDefinitions()));

        assertThat(defined).containsExactly("Truck");
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).contains("Truck");
        assertThatThrownBy(() -> zuora.registerDefinitions(ZuoraTestClient.json(truckDefinitions())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[Truck] already exists");
        assertThatThrownBy(() -> zuora.registerDefinitions("[]")).hasMessageContaining("JSON object");
    }

    @Test
    void inAcceptAnyObjectModeTheFirstCreateDefinesTheObjectFromItsRecords() {
        zuora.setAcceptUnknownObjects(true);

        Reply created = client.create("Parcel", false, List.of(
                Map.of("Weight__c", 2, "Label__c", "fragile", "Fragile__c", true),
                Map.of("Weight__c", 2.5, "Plain", "not a custom field name")));
        Reply later = client.create("Parcel", false, List.of(Map.of("Weight__c", "heavy", "Other__c", 1)));
        Reply described = client.get(DEFINITIONS + "/Parcel");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(later.status()).as("the definition stays open: any field, any type").isEqualTo(200);
        assertThat(described.status()).isEqualTo(200);
        JsonNode properties = described.json().at("/schema/properties");
        assertThat(properties.at("/Weight__c/type").asText()).isEqualTo("number");
        assertThat(properties.at("/Label__c/type").asText()).isEqualTo("string");
        assertThat(properties.at("/Fragile__c/type").asText()).isEqualTo("boolean");
        assertThat(properties.has("Plain")).isFalse();
        assertThat(properties.has("Other__c")).as("only the first create's fields are listed").isFalse();
        assertNoNulls(described.json());
        assertThat(client.get(DEFINITIONS).json().at("/definitions/Parcel/type").asText()).isEqualTo("Parcel");

        zuora.reset();
        assertThat(client.get(DEFINITIONS + "/Parcel").status()).as("a reset forgets objects defined on the fly")
                .isEqualTo(404);
    }

    private static Map<String, Object> boat(Map<String, Object> nameField) {
        return Map.of("definitions", Map.of("Boat", Map.of("object", "Boat", "label", "Boat",
                "properties", Map.of("Name__c", nameField))));
    }

    private void assertRefused(Map<String, Object> body, String messagePart) {
        Reply reply = client.post(DEFINITIONS, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().at("/reasons/0/message").asText()).contains(messagePart);
    }

    /** The spec's definition schemas allow no JSON null anywhere. */
    private static void assertNoNulls(JsonNode node) {
        assertThat(node.isNull()).isFalse();
        node.forEach(ZuoraDefinitionsCreateTest::assertNoNulls);
    }
}
