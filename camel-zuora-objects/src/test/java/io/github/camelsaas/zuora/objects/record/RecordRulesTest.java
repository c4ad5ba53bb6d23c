package io.github.camelsaas.zuora.objects.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.zuora.objects.EmptyStringPolicy;

class RecordRulesTest {

    private static Map<String, Object> record(Object... namesAndValues) {
        Map<String, Object> record = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return record;
    }

    @Test
    void scalarsAndNullsPassUnchangedAndTheInputIsNotModified() {
        Map<String, Object> input = record("A__c", "text", "B__c", 3, "C__c", new BigDecimal("1.50"), "D__c", true,
                "E__c", null);

        Map<String, Object> prepared = new RecordRules(EmptyStringPolicy.REJECT).prepare(input, 0);

        assertThat(prepared).isEqualTo(input).isNotSameAs(input);
    }

    @Test
    void toNullTurnsEmptyStringsIntoExplicitNulls() {
        Map<String, Object> input = record("A__c", "", "B__c", " ");

        Map<String, Object> prepared = new RecordRules(EmptyStringPolicy.TO_NULL).prepare(input, 0);

        assertThat(prepared).containsEntry("A__c", null).containsEntry("B__c", " ");
        assertThat(input).containsEntry("A__c", "");
    }

    @Test
    void ownedRecordsAreCheckedInPlaceWithTheSameRules() {
        Map<String, Object> first = record("A__c", "", "B__c", 3);
        Map<String, Object> second = record("A__c", "x");
        List<Map<String, Object>> owned = List.of(first, second);

        RecordRules.Checked prepared = new RecordRules(EmptyStringPolicy.TO_NULL).prepareOwned(owned);

        assertThat(prepared.valid()).isSameAs(owned);
        assertThat(prepared.invalid()).isEmpty();
        assertThat(prepared.valid().get(0)).isSameAs(first).containsEntry("A__c", null).containsEntry("B__c", 3);
        assertThat(prepared.valid().get(1)).isSameAs(second).containsEntry("A__c", "x");
    }

    @Test
    void anOwnedRecordThatBreaksARuleIsReportedAndTheOthersAreKept() {
        Map<String, Object> nested = record("A__c", Map.of("nested", 1));
        Map<String, Object> fine = record("A__c", "x");
        Map<String, Object> empty = record("B__c", "");

        RecordRules.Checked checked = new RecordRules(EmptyStringPolicy.REJECT)
                .prepareOwned(new ArrayList<>(List.of(nested, fine, empty, fine)));

        assertThat(checked.valid()).containsExactly(fine, fine);
        assertThat(checked.inputIndex(0)).isEqualTo(1);
        assertThat(checked.inputIndex(1)).isEqualTo(3);
        assertThat(checked.total()).isEqualTo(4);
        assertThat(checked.invalid()).extracting(FailedRecord::index).containsExactly(0, 2);
        assertThat(checked.invalid()).allMatch(FailedRecord::validationFailure).noneMatch(FailedRecord::retryable);
        assertThat(checked.invalid().get(0).message()).contains("field A__c holds an object");
        assertThat(checked.invalid().get(1).message()).contains("field B__c is an empty string");
        assertThat(checked.invalid().get(1).record()).isSameAs(empty);
    }

    @Test
    void rejectNamesTheRecordAndTheField() {
        List<Map<String, Object>> records = List.of(record("A__c", "x"), record("A__c", "x", "B__c", ""));

        assertThatThrownBy(() -> new RecordRules(EmptyStringPolicy.REJECT).prepare(records))
                .isInstanceOf(InvalidBodyException.class)
                .hasMessage("Record 1 field B__c is an empty string, which Zuora cannot store "
                            + "(emptyStringPolicy=reject; toNull would send it as null); nothing was sent")
                .extracting(e -> ((InvalidBodyException) e).recordIndex().getAsInt()).isEqualTo(1);
    }

    @Test
    void nestedObjectsAndArraysAreRefused() {
        RecordRules rules = new RecordRules(EmptyStringPolicy.TO_NULL);

        assertThatThrownBy(() -> rules.prepare(record("A__c", Map.of("x", 1)), 4))
                .hasMessageContaining("Record 4 field A__c holds an object");
        assertThatThrownBy(() -> rules.prepare(record("A__c", List.of(1)), 2))
                .hasMessageContaining("Record 2 field A__c holds an array");
    }

    @Test
    void aStringLongerThanTheLongestTextFieldIsRefusedCountingCharactersNotBytes() {
        RecordRules rules = new RecordRules(EmptyStringPolicy.TO_NULL);
        // 8,192 characters of two UTF-16 units each still fit
        String emojis = "\uD83D\uDE00".repeat(8_192);

        assertThat(rules.prepare(record("A__c", "x".repeat(8_192), "B__c", emojis), 0)).hasSize(2);
        assertThatThrownBy(() -> rules.prepare(List.of(record("A__c", "ok"), record("A__c", "x".repeat(8_193)))))
                .isInstanceOf(InvalidBodyException.class)
                .hasMessage("Record 1 field A__c is 8193 characters long; no Zuora custom field holds more than 8192 "
                            + "(a long text field); nothing was sent");
    }
}
