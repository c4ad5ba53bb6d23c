package io.github.camelsaas.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code toRecordsReadOnly} uses a flat plain record as it is (read-only) only when that changes nothing a caller
 * can see on the wire: the record written as JSON is byte for byte what its copy is written as. Anything else is
 * copied, as {@code toRecords} does.
 */
class ReadOnlyRecordsTest {

    private final JsonRecords json = new JsonRecords();

    private static Map<String, Object> flatRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Name__c", "order 1");
        record.put("Active__c", true);
        record.put("Quantity__c", 3);
        record.put("Total__c", 5_000_000_000L);
        record.put("Small__c", (short) 4);
        record.put("Huge__c", new BigInteger("123456789012345678901234567890"));
        record.put("Exact__c", new BigDecimal("12.30"));
        record.put("Price__c", 4.99);
        record.put("Round__c", 100.0);
        record.put("Zero__c", 0.0);
        record.put("Cleared__c", null);
        return record;
    }

    @Test
    void aFlatPlainRecordIsTheCallersOwnMapReadOnlyAndIsWrittenAsItsCopyWouldBe() {
        Map<String, Object> input = flatRecord();
        Map<String, Object> before = new LinkedHashMap<>(input);

        List<Map<String, Object>> records = json.toRecordsReadOnly(List.of(input), record -> true);
        Map<String, Object> asIs = records.get(0);

        assertThat(asIs).isEqualTo(input).isNotSameAs(input);
        assertThat(asIs.keySet()).containsExactlyElementsOf(input.keySet());
        assertThatThrownBy(() -> asIs.put("Name__c", "changed")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> asIs.entrySet().iterator().next().setValue("changed"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(input).isEqualTo(before);
        assertThat(text(asIs)).isEqualTo(text(json.toRecords(List.of(input)).get(0)));
        // a view, not a copy: a change the caller makes later shows through, so nothing of the record is duplicated
        input.put("Name__c", "later");
        assertThat(asIs).containsEntry("Name__c", "later");
    }

    @Test
    void doublesAreUsedAsTheyAreOnlyWhereTheyAreWrittenAsTheirCopy() {
        double[] plain = {0.0, 1e-3, 0.5, 4.99, -4.99, 100.0, 123456.789, 9_999_999.5};
        for (double value : plain) {
            Map<String, Object> input = Map.of("V__c", value);
            Map<String, Object> asIs = json.toRecordsReadOnly(List.of(input), record -> true).get(0);
            assertThat(asIs.get("V__c")).as("%s", value).isInstanceOf(Double.class);
            assertThat(text(asIs)).as("%s", value).isEqualTo(text(json.toRecords(List.of(input)).get(0)));
        }
        double[] copied = {-0.0, 1e-4, 1e7, 1.5e20, -3e9};
        for (double value : copied) {
            Map<String, Object> asIs = json.toRecordsReadOnly(List.of(Map.of("V__c", value)), record -> true).get(0);
            assertThat(asIs.get("V__c")).as("%s", value).isEqualTo(BigDecimal.valueOf(value));
        }
    }

    @Test
    void recordsThatAreNotFlatPlainOrThatTheCallerRefusesAreFreshCopies() {
        Map<String, Object> nested = new LinkedHashMap<>(Map.of("Address__c", new LinkedHashMap<>(Map.of("city",
                "Lyon"))));
        Map<String, Object> aFloat = new LinkedHashMap<>(Map.of("F__c", 1.5f));
        Map<String, Object> refused = new LinkedHashMap<>(Map.of("Note__c", ""));
        Map<String, Object> accepted = new LinkedHashMap<>(Map.of("Note__c", "x"));

        List<Map<String, Object>> records = json.toRecordsReadOnly(List.of(nested, aFloat, refused, accepted),
                record -> !record.containsValue(""));

        for (int i = 0; i < 3; i++) {
            Map<String, Object> copy = records.get(i);
            copy.put("Mutable__c", true); // a copy of our own: mutable, and the input does not see it
        }
        assertThat(records.get(0)).containsEntry("Address__c", Map.of("city", "Lyon"));
        assertThat(records.get(1)).containsEntry("F__c", new BigDecimal("1.5"));
        assertThat(records.get(2)).containsEntry("Note__c", "");
        assertThat(nested).doesNotContainKey("Mutable__c");
        assertThat(aFloat).doesNotContainKey("Mutable__c");
        assertThat(refused).doesNotContainKey("Mutable__c");
        assertThatThrownBy(() -> records.get(3).put("Mutable__c", true))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toRecordsStillCopiesEveryRecord() {
        Map<String, Object> input = flatRecord();

        Map<String, Object> copy = json.toRecords(List.of(input)).get(0);
        copy.put("Name__c", "changed");

        assertThat(input).containsEntry("Name__c", "order 1");
        assertThat(copy.get("Price__c")).isEqualTo(new BigDecimal("4.99"));
    }

    @Test
    void aCustomMapperAlwaysCopies() {
        JsonRecords custom = new JsonRecords(new com.fasterxml.jackson.databind.ObjectMapper());
        Map<String, Object> input = new LinkedHashMap<>(Map.of("Name__c", "x"));

        Map<String, Object> record = custom.toRecordsReadOnly(List.of(input), r -> true).get(0);
        record.put("Name__c", "changed");

        assertThat(input).containsEntry("Name__c", "x");
    }

    private String text(Map<String, Object> record) {
        return new String(json.write(record), StandardCharsets.UTF_8);
    }
}
