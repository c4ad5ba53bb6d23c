package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class RecordFilterTest {

    private static final ObjectDefinition DEFINITION = ObjectDefinition.builder("Thing")
            .field(FieldDefinition.string("Name__c").filterable())
            .field(FieldDefinition.integer("Size__c").filterable())
            .field(FieldDefinition.bool("Active__c").filterable())
            .field(FieldDefinition.dateTime("Seen__c").filterable())
            .field(FieldDefinition.string("Secret__c"))
            .build();

    private static final List<ObjectNode> RECORDS = List.of(
            record(Map.of("Id", "a", "Name__c", "Alpha One", "Size__c", 1, "Active__c", true,
                    "Seen__c", "2018-01-01T00:00:00Z")),
            record(Map.of("Id", "b", "Name__c", "Beta", "Size__c", 10, "Active__c", false,
                    "Seen__c", "2019-06-01T12:00:00Z")),
            record(Map.of("Id", "c", "Name__c", "AND", "Size__c", 100)));

    @Test
    void equalityComparesInTheStoredType() {
        assertThat(matching("Size__c:10")).containsExactly("b");
        assertThat(matching("Size__c:10.0")).containsExactly("b");
        assertThat(matching("Active__c:TRUE")).containsExactly("a");
        assertThat(matching("Name__c:Beta")).containsExactly("b");
        assertThat(matching("Name__c:beta")).isEmpty();
        assertThat(matching("Size__c:ten")).isEmpty();
    }

    @Test
    void rangesCompareNumbersNumericallyAndDatesAsIsoText() {
        assertThat(matching("Size__c:>9")).containsExactly("b", "c");
        assertThat(matching("Size__c:<=10")).containsExactly("a", "b");
        assertThat(matching("Size__c:>=100")).containsExactly("c");
        assertThat(matching("Seen__c:<2019-01-01T00\\:00\\:00Z")).containsExactly("a");
        assertThat(matching("Seen__c:>2018")).containsExactly("a", "b");
    }

    @Test
    void termsCombineWithAndExistsAndNot() {
        assertThat(matching("Size__c:>1 AND Active__c:false")).containsExactly("b");
        assertThat(matching("Size__c:>1 && !Active__c:false")).containsExactly("c");
        assertThat(matching("_exists_:Active__c")).containsExactly("a", "b");
        assertThat(matching("NOT _exists_:Active__c")).containsExactly("c");
        assertThat(matching("Name__c:\"Alpha One\"")).containsExactly("a");
        assertThat(matching("Name__c:\"AND\" AND Size__c:100")).containsExactly("c");
        assertThat(matching("Id:b")).containsExactly("b");
        assertThat(matching("")).containsExactly("a", "b", "c");
    }

    @Test
    void whatTheSimulatorDoesNotEvaluateIsRefusedNotGuessed() {
        assertThatThrownBy(() -> matching("Size__c:1 OR Size__c:10")).hasMessageContaining("OR");
        assertThatThrownBy(() -> matching("(Size__c:1)")).hasMessageContaining("parentheses");
        assertThatThrownBy(() -> matching("Name__c:\"open")).hasMessageContaining("quote");
        assertThatThrownBy(() -> matching("Secret__c:x")).hasMessageContaining("not filterable");
        assertThatThrownBy(() -> matching("Other__c:x")).hasMessageContaining("not defined");
        assertThatThrownBy(() -> matching("Size__c")).hasMessageContaining("field:value");
        assertThatThrownBy(() -> matching("Size__c:")).hasMessageContaining("Missing value");
    }

    @Test
    void openDefinitionsFilterOnAnyField() {
        RecordFilter filter = RecordFilter.parse("Anything:1", ObjectDefinition.open("Open"));

        assertThat(filter.test(record(Map.of("Anything", 1)))).isTrue();
        assertThat(filter.test(record(Map.of("Other", 1)))).isFalse();
    }

    private static List<String> matching(String q) {
        RecordFilter filter = RecordFilter.parse(q, DEFINITION);
        return RECORDS.stream().filter(filter).map(r -> r.get("Id").asText()).collect(Collectors.toList());
    }

    private static ObjectNode record(Map<String, Object> fields) {
        return ZuoraTestClient.JSON.valueToTree(fields);
    }
}
