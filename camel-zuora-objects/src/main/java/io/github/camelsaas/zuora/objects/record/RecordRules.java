package io.github.camelsaas.zuora.objects.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.zuora.objects.EmptyStringPolicy;
import io.github.camelsaas.zuora.objects.ZuoraLimits;

/**
 * Zuora's rules for record values, applied before anything is sent so a bad record is refused with a message
 * naming the rule, and nothing is sent for it (a create reports it and sends the others; an update fails): a field holds a string, a number, a boolean or null (custom fields are
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
        try {
            for (Map.Entry<String, Object> field : record.entrySet()) {
                prepared.put(field.getKey(), valueToSend(field.getKey(), field.getValue()));
            }
        } catch (RuleBroken e) {
            throw new InvalidBodyException("Record " + index + " " + e.getMessage() + "; nothing was sent", index,
                    null);
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
     * Checks every record of a create and prepares the valid ones in place (an empty string becomes null): the given
     * maps are not copied, for records the caller owns, such as the fresh maps {@code JsonRecords.toRecords}
     * returns, whose copy would only cost time and a second copy of every record in memory. A map that
     * {@linkplain #needsNoChange needs no change} is only read, so it may be read-only. A record that breaks a rule
     * is reported and left out; the others are still sent.
     */
    public Checked prepareOwned(List<Map<String, Object>> records) {
        List<FailedRecord> invalid = new ArrayList<>(0);
        List<Map<String, Object>> valid = records;
        int[] validIndexes = null;
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            String problem = prepareInPlace(record);
            if (problem != null) {
                if (validIndexes == null) {
                    // the first invalid record: from here on the valid ones are collected apart
                    valid = new ArrayList<>(records.subList(0, i));
                    validIndexes = new int[records.size()];
                    for (int j = 0; j < i; j++) {
                        validIndexes[j] = j;
                    }
                }
                invalid.add(FailedRecord.validation(i, record, problem));
            } else if (validIndexes != null) {
                validIndexes[valid.size()] = i;
                valid.add(record);
            }
        }
        return new Checked(valid, validIndexes, invalid, records.size());
    }

    /**
     * The records of a create, checked: those to send, and the invalid ones.
     *
     * @param valid        the records to send, in input order
     * @param validIndexes the input position of each valid record, or null when every record is valid
     * @param invalid      a validation failure for each record that breaks a rule
     * @param total        how many records the input held
     */
    public record Checked(List<Map<String, Object>> valid, int[] validIndexes, List<FailedRecord> invalid,
                          int total) {

        /** The input position of the valid record at {@code position}. */
        public int inputIndex(int position) {
            return validIndexes == null ? position : validIndexes[position];
        }
    }

    /** Prepares a record in place; the rule it breaks, or null. */
    private String prepareInPlace(Map<String, Object> record) {
        try {
            for (Map.Entry<String, Object> field : record.entrySet()) {
                Object value = valueToSend(field.getKey(), field.getValue());
                if (value != field.getValue()) {
                    field.setValue(value);
                }
            }
            return null;
        } catch (RuleBroken e) {
            return e.getMessage();
        }
    }

    /** A rule a record breaks: the problem, without the record's position. */
    private static final class RuleBroken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleBroken(String problem) {
            super(problem, null, false, false);
        }
    }

    /** The value to send for a field, or the rule it breaks. */
    private Object valueToSend(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new RuleBroken("has a field with an empty name");
        }
        if (value instanceof String text && text.isEmpty()) {
            if (emptyStrings == EmptyStringPolicy.REJECT) {
                throw new RuleBroken("field " + name + " is an empty string, which Zuora cannot store "
                        + "(emptyStringPolicy=reject; toNull would send it as null)");
            }
            return null;
        }
        if (!isScalar(value)) {
            throw new RuleBroken("field " + name + " holds " + kind(value) + "; a Zuora custom field takes a "
                    + "string, a number, a boolean or null");
        }
        // length() counts UTF-16 units, at least the code points: only a long string needs the exact count
        if (value instanceof String text && text.length() > ZuoraLimits.MAX_TEXT_LENGTH
                && text.codePointCount(0, text.length()) > ZuoraLimits.MAX_TEXT_LENGTH) {
            throw new RuleBroken("field " + name + " is " + text.codePointCount(0, text.length())
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
}
