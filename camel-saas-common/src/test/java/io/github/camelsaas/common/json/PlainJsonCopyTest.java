package io.github.camelsaas.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The direct copy of plain records must give exactly what Jackson's conversion with the default mapper gives (same
 * values, same classes, same order), share nothing mutable with the input, and step aside for anything else.
 */
class PlainJsonCopyTest {

    private final JsonRecords json = new JsonRecords();

    private static Map<String, Object> plainRecord() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("city", "Lyon");
        nested.put("tags", new ArrayList<>(List.of("a", "b")));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Name__c", "order 1");
        record.put("Active__c", true);
        record.put("Quantity__c", 3);
        record.put("Total__c", 5_000_000_000L);
        record.put("Small__c", (short) 4);
        record.put("Huge__c", new BigInteger("123456789012345678901234567890"));
        record.put("Exact__c", new BigDecimal("12.30"));
        record.put("Price__c", 4.99);
        record.put("Tiny__c", 1.5e-10);
        record.put("Large__c", 1e20);
        record.put("Cleared__c", null);
        record.put("Address__c", nested);
        return record;
    }

    @Test
    void aPlainRecordIsCopiedExactlyAsJacksonWouldConvertIt() {
        Map<String, Object> record = plainRecord();
        @SuppressWarnings("unchecked")
        Map<String, Object> viaJackson = DefaultObjectMapper.INSTANCE.convertValue(record, Map.class);

        Map<String, Object> copy = PlainJsonCopy.copyOrNull(record);

        assertThat(copy).isEqualTo(viaJackson);
        assertThat(copy.keySet()).containsExactlyElementsOf(viaJackson.keySet());
        viaJackson.forEach((name, value) -> {
            if (value == null) {
                assertThat(copy).containsEntry(name, null);
            } else {
                assertThat(copy.get(name)).as(name).isExactlyInstanceOf(value.getClass()).isEqualTo(value);
            }
        });
        assertThat(copy.get("Price__c")).isEqualTo(new BigDecimal("4.99"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCopySharesNoMutableMapOrListWithTheInput() {
        Map<String, Object> record = plainRecord();

        Map<String, Object> copy = PlainJsonCopy.copyOrNull(record);
        ((List<Object>) ((Map<String, Object>) copy.get("Address__c")).get("tags")).add("c");
        copy.put("Name__c", "changed");

        assertThat(record.get("Name__c")).isEqualTo("order 1");
        assertThat(((Map<?, ?>) record.get("Address__c")).get("tags")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void anythingElseIsLeftToJackson() {
        Map<String, Object> withDate = new LinkedHashMap<>(Map.of("At__c", Instant.parse("2026-01-15T10:00:00Z")));
        Map<String, Object> withFloat = new LinkedHashMap<>(Map.of("F__c", 0.1f));
        Map<String, Object> withNaN = new LinkedHashMap<>(Map.of("D__c", Double.NaN));
        Map<Object, Object> withNumberKey = new LinkedHashMap<>(Map.of(1, "one"));

        assertThat(PlainJsonCopy.copyOrNull(withDate)).isNull();
        assertThat(PlainJsonCopy.copyOrNull(withFloat)).isNull();
        assertThat(PlainJsonCopy.copyOrNull(withNaN)).isNull();
        assertThat(PlainJsonCopy.copyOrNull(withNumberKey)).isNull();
        // and the records still come out as Jackson converts them
        assertThat(json.toRecords(List.of(withDate)).get(0).get("At__c")).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(json.toRecords(List.of(withFloat)).get(0).get("F__c"))
                .isEqualTo(BigDecimal.valueOf(0.1f));
    }

    @Test
    void aListBodyOfPlainMapsGivesFreshEqualRecords() {
        List<Map<String, Object>> body = List.of(plainRecord(), plainRecord());

        List<Map<String, Object>> records = json.toRecords(body);

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isEqualTo(DefaultObjectMapper.INSTANCE.convertValue(body.get(0), Object.class))
                .isNotSameAs(body.get(0));
    }
}
