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
            String name = field.getKey();
            Object value = field.getValue();
            if (name == null || name.isBlank()) {
                throw invalid(index, "has a field with an empty name");
            }
            if (value instanceof String text && text.isEmpty()) {
                if (emptyStrings == EmptyStringPolicy.REJECT) {
                    throw invalid(index, "field " + name + " is an empty string, which Zuora cannot store "
                            + "(emptyStringPolicy=reject; toNull would send it as null)");
                }
                value = null;
            } else if (!isScalar(value)) {
                throw invalid(index, "field " + name + " holds " + kind(value) + "; a Zuora custom field takes a "
                        + "string, a number, a boolean or null");
            } else if (value instanceof String text && text.length() > ZuoraLimits.MAX_TEXT_LENGTH
                       && text.codePointCount(0, text.length()) > ZuoraLimits.MAX_TEXT_LENGTH) {
                throw invalid(index, "field " + name + " is " + text.codePointCount(0, text.length())
                        + " characters long; no Zuora custom field holds more than " + ZuoraLimits.MAX_TEXT_LENGTH
                        + " (a long text field)");
            }
            prepared.put(name, value);
        }
        return prepared;
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
