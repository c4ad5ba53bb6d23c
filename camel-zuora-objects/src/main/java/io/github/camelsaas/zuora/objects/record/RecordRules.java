package io.github.camelsaas.zuora.objects.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.zuora.objects.EmptyStringPolicy;
import io.github.camelsaas.zuora.objects.ZuoraLimits;

/**
 * Zuora's rules for record values, applied before anything is sent so a bad record fails the message with a
 * message naming it, and no call goes out: a field holds a string, a number, a boolean or null (custom fields are
 * scalars; nested objects and arrays are refused); no string is longer than the longest text field (8,192
 * characters); an empty string cannot be stored, so it becomes an explicit null or fails the record, as the
 * {@link EmptyStringPolicy} says. A field's own type, length and format are the object definition's, which only
 * Zuora checks.
 */
public final class RecordRules {

    private final EmptyStringPolicy emptyStrings;

    public RecordRules(EmptyStringPolicy emptyStrings) {
        this.emptyStrings = emptyStrings;
    }

    /**
     * Checks every record, then returns the records to send (new maps; the input is not modified).
     *
     * @throws InvalidBodyException naming the first bad record by its index, and the field and rule
     */
    public List<Map<String, Object>> prepare(List<Map<String, Object>> records) {
        List<Map<String, Object>> prepared = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            prepared.add(prepare(records.get(i), i));
        }
        return prepared;
    }

    /** Checks one record; {@code index} is its position in the message, named in the error. */
    public Map<String, Object> prepare(Map<String, Object> record, int index) {
        Map<String, Object> prepared = new LinkedHashMap<>(record.size() * 2);
        for (Map.Entry<String, Object> field : record.entrySet()) {
            prepared.put(field.getKey(), valueToSend(field.getKey(), field.getValue(), index));
        }
        return prepared;
    }

    /**
     * Whether sending {@code record} needs no value changed (it holds no empty string), so it can be checked and
     * sent as it is, read-only. Says nothing of the other rules, which {@link #prepareOwned} still checks.
     */
    public boolean needsNoChange(Map<String, ?> record) {
        for (Object value : record.values()) {
            if (value instanceof String text && text.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * As {@link #prepare(List)}, but the given maps are changed in place (an empty string becomes null) and
     * returned, not copied: for records the caller owns, such as the fresh maps {@code JsonRecords.toRecords}
     * returns, whose copy would only cost time and a second copy of every record in memory. A map that
     * {@linkplain #needsNoChange needs no change} is only read, so it may be read-only.
     *
     * @throws InvalidBodyException as {@link #prepare(List)}; records before the bad one may have been changed
     */
    public List<Map<String, Object>> prepareOwned(List<Map<String, Object>> records) {
        for (int i = 0; i < records.size(); i++) {
            for (Map.Entry<String, Object> field : records.get(i).entrySet()) {
                Object value = valueToSend(field.getKey(), field.getValue(), i);
                if (value != field.getValue()) {
                    field.setValue(value);
                }
            }
        }
        return records;
    }

    /** The value to send for a field, or the rule it breaks. */
    private Object valueToSend(String name, Object value, int index) {
        if (name == null || name.isBlank()) {
            throw invalid(index, "has a field with an empty name");
        }
        if (value instanceof String text && text.isEmpty()) {
            if (emptyStrings == EmptyStringPolicy.REJECT) {
                throw invalid(index, "field " + name + " is an empty string, which Zuora cannot store "
                        + "(emptyStringPolicy=reject; toNull would send it as null)");
            }
            return null;
        }
        if (!isScalar(value)) {
            throw invalid(index, "field " + name + " holds " + kind(value) + "; a Zuora custom field takes a "
                    + "string, a number, a boolean or null");
        }
        // length() counts UTF-16 units, at least the code points: only a long string needs the exact count
        if (value instanceof String text && text.length() > ZuoraLimits.MAX_TEXT_LENGTH
                && text.codePointCount(0, text.length()) > ZuoraLimits.MAX_TEXT_LENGTH) {
            throw invalid(index, "field " + name + " is " + text.codePointCount(0, text.length())
                    + " characters long; no Zuora custom field holds more than " + ZuoraLimits.MAX_TEXT_LENGTH
                    + " (a long text field)");
        }
        return value;
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String kind(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List || value.getClass().isArray()) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static InvalidBodyException invalid(int index, String problem) {
        return new InvalidBodyException("Record " + index + " " + problem + "; nothing was sent", index, null);
    }
}
