package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraDefinitionsTest extends ZuoraSimulatorTestBase {

    @Test
    void aDefinitionShowsItsFieldsAndConstraints() {
        Reply reply = client.get("/objects/definitions/default/" + VEHICLE);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode definition = reply.json();
        assertThat(definition.get("type").asText()).isEqualTo(VEHICLE);
        assertThat(definition.get("Id").asText()).hasSize(36);
        JsonNode schema = definition.get("schema");
        assertThat(schema.get("object").asText()).isEqualTo(VEHICLE);
        assertThat(schema.at("/properties/DeviceId__c/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/DeviceId__c/maxLength").asInt()).isEqualTo(20);
        assertThat(schema.at("/properties/DeviceId__c/origin").asText()).isEqualTo("custom");
        assertThat(schema.at("/properties/Notes__c/maxLength").asInt()).isEqualTo(FieldDefinition.DEFAULT_TEXT_MAX_LENGTH);
        assertThat(schema.at("/properties/Seats__c/type").asText()).isEqualTo("integer");
        assertThat(schema.at("/properties/Seats__c/maxLength").isMissingNode()).isTrue();
        assertThat(schema.at("/properties/Price__c/type").asText()).isEqualTo("number");
        assertThat(schema.at("/properties/Electric__c/type").asText()).isEqualTo("boolean");
        assertThat(schema.at("/properties/Registered__c/format").asText()).isEqualTo("date");
        assertThat(schema.at("/properties/LastSeen__c/format").asText()).isEqualTo("date-time");
        assertThat(schema.at("/properties/Id/origin").asText()).isEqualTo("system");
        assertThat(schema.get("required")).extracting(JsonNode::asText).contains("Id", "DeviceId__c")
                .doesNotContain("Seats__c");
        assertThat(schema.get("filterable")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("DeviceId__c", "Seats__c", "Price__c", "Electric__c", "Id", "CreatedDate",
                        "UpdatedDate");
        assertThat(schema.get("unique")).extracting(JsonNode::asText).containsExactly("Vin__c");
    }

    @Test
    void theListHoldsEveryDefinitionByName() {
        zuora.registerObject("Boat");

        Reply all = client.get("/objects/definitions/default");
        Reply types = client.get("/objects/definitions/default?select=type");

        assertThat(all.json().get("count").asInt()).isEqualTo(2);
        assertThat(all.json().at("/definitions/Vehicle/schema/properties/Seats__c/type").asText()).isEqualTo("integer");
        assertThat(all.json().at("/definitions/Boat/type").asText()).isEqualTo("Boat");
        assertThat(types.json().at("/definitions/Vehicle").size()).isEqualTo(1);
    }

    @Test
    void anUnknownDefinitionAnswers404() {
        Reply reply = client.get("/objects/definitions/default/Boat");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/reasons/0/message").asText()).contains("Boat");
    }

    @Test
    void theBuilderEnforcesZuorasRules() {
        assertThatThrownBy(() -> FieldDefinition.string("Name")).hasMessageContaining("__c");
        assertThatThrownBy(() -> FieldDefinition.integer("Seats__c").maxLength(3)).hasMessageContaining("string");
        assertThatThrownBy(() -> FieldDefinition.string("Text__c").maxLength(8_193)).hasMessageContaining("8192");
        assertThatThrownBy(() -> ObjectDefinition.builder("Has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectDefinition.builder("Twice").field(FieldDefinition.string("A__c"))
                .field(FieldDefinition.integer("A__c"))).hasMessageContaining("twice");
        assertThat(FieldDefinition.string("Text__c").maxLength(8_192).build().maxLength()).isEqualTo(8_192);
    }
}
