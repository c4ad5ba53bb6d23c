package io.github.camelsaas.common.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a record that already holds nothing but plain JSON values (strings, booleans, whole numbers, decimals,
 * nulls, and maps with string keys and lists of those) into fresh maps and lists, giving what
 * {@code convertValue(record, Object.class)} with the {@linkplain DefaultObjectMapper default mapper} gives, without
 * Jackson's serialize-and-read-back round trip, which profiling showed to be the largest cost of a large list body.
 * A {@code Double} becomes {@code BigDecimal.valueOf(value)}, as that mapper reads decimals. Anything else (a POJO,
 * a date, a float, a non-finite double...) makes it give up, so the caller converts the record with Jackson.
 */
final class PlainJsonCopy {

    /** Stands for "not plain JSON" while copying. */
    private static final Object NOT_PLAIN = new Object();

    private PlainJsonCopy() {
    }

    /** A deep copy of {@code record}, or null when it holds a value this copy does not handle. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copyOrNull(Map<?, ?> record) {
        Object copy = copyMap(record);
        return copy == NOT_PLAIN ? null : (Map<String, Object>) copy;
    }

    private static Object copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(16, (int) (map.size() / 0.75f) + 1));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                return NOT_PLAIN;
            }
            Object value = copyValue(entry.getValue());
            if (value == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            copy.put(key, value);
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return value; // immutable, shared safely
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? BigDecimal.valueOf(number) : NOT_PLAIN;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                Object copied = copyValue(element);
                if (copied == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                copy.add(copied);
            }
            return copy;
        }
        return NOT_PLAIN;
    }
}
