package io.github.camelsaas.zuora.objects.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.json.JsonRecords;

class RecordMatcherTest {

    private final JsonRecords json = new JsonRecords();

    private RecordMatcher matcher(List<Map<String, Object>> sent) {
        return new RecordMatcher(sent, json, RecordMatcher.canonicalMapper(json));
    }

    @Test
    void aRecordEchoedWithAGeneratedIdAndOtherKeyOrderAndNumberTypesMatches() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("Price__c", 1.5d);
        sent.put("Name__c", "A");
        Map<String, Object> echoed = json.readObject(
                "{\"Id\":\"6d96fbde-213c-43c3-bbef-9b777b050a94\",\"Name__c\":\"A\",\"Price__c\":1.5}".getBytes());

        assertThat(matcher(List.of(Map.of("Name__c", "B"), sent)).claim(echoed)).hasValue(1);
    }

    @Test
    void identicalRecordsAreClaimedInInputOrderEachOnce() {
        Map<String, Object> same = Map.of("Name__c", "A");
        RecordMatcher matcher = matcher(List.of(same, Map.of("Name__c", "B"), same));

        assertThat(matcher.claim(same)).hasValue(0);
        assertThat(matcher.claim(same)).hasValue(2);
        assertThat(matcher.claim(same)).isEmpty();
        assertThat(matcher.unclaimed()).containsExactly(1);
    }

    @Test
    void anEchoZuoraNormalisedStillMatchesItsOneRecord() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("Name__c", "A");
        sent.put("Amount__c", 5);
        sent.put("Note__c", null);
        // the number echoed as text with a scale, the explicit null left out
        Map<String, Object> echoed = json.readObject("{\"Name__c\":\"A\",\"Amount__c\":\"5.0\"}".getBytes());

        RecordMatcher matcher = matcher(List.of(Map.of("Name__c", "A", "Amount__c", 6), sent));

        assertThat(matcher.claim(echoed)).hasValue(1);
        assertThat(matcher.claim(echoed)).isEmpty();
    }

    @Test
    void aNormalisedEchoThatFitsTwoDifferentRecordsMatchesNeither() {
        Map<String, Object> asNumber = Map.of("Name__c", "A", "Amount__c", 5);
        Map<String, Object> asText = Map.of("Name__c", "A", "Amount__c", "5");
        Map<String, Object> echoed = json.readObject("{\"Name__c\":\"A\",\"Amount__c\":5.0}".getBytes());

        RecordMatcher matcher = matcher(List.of(asNumber, asText));

        assertThat(matcher.claim(echoed)).isEmpty();
        assertThat(matcher.unclaimed()).containsExactly(0, 1);
    }

    @Test
    void anUnknownOrMissingRecordMatchesNothing() {
        RecordMatcher matcher = matcher(List.of(Map.of("Name__c", "A")));

        assertThat(matcher.claim(Map.of("Name__c", "Z"))).isEmpty();
        assertThat(matcher.claim(null)).isEmpty();
        assertThat(matcher.unclaimed()).containsExactly(0);
    }
}
