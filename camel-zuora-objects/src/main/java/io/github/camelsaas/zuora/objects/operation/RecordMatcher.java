package io.github.camelsaas.zuora.objects.operation;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.zuora.objects.record.SystemFields;

/**
 * Finds which record of a call Zuora's answer is about. Zuora names a failed record by echoing it (in
 * {@code details[].record}), not by position or index (its answer carries neither), so records are matched by
 * content: the custom fields, compared as canonical JSON (sorted keys, values as the JSON reader reads them), system
 * fields such as a generated Id ignored. Identical records are handed out in input order, each at most once.
 * <p>
 * When no sent record is exactly the echo, a lenient pass allows for an echo Zuora normalised: nulls left out,
 * numbers as text or with another scale ({@code "5"}, {@code 5.0}). It claims a record only when every unclaimed
 * sent record that agrees with the echo is the same record; otherwise nothing is claimed and the caller reports the
 * call's unmatched records as "may or may not have been created", never as another record's outcome.
 */
final class RecordMatcher {

    private final List<Map<String, Object>> sent;
    private final JsonRecords json;
    private final ObjectMapper canonical;
    private final BitSet claimed;
    private Map<String, Deque<Integer>> positionsByFingerprint;

    /**
     * @param sent      the records of the call, in the order sent
     * @param canonical a mapper that sorts map keys ({@link #canonicalMapper})
     */
    RecordMatcher(List<Map<String, Object>> sent, JsonRecords json, ObjectMapper canonical) {
        this.sent = sent;
        this.json = json;
        this.canonical = canonical;
        this.claimed = new BitSet(sent.size());
    }

    static ObjectMapper canonicalMapper(JsonRecords json) {
        return json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The position of an unclaimed sent record with the same fields, now claimed; empty when none. */
    OptionalInt claim(Map<String, Object> answered) {
        if (answered == null) {
            return OptionalInt.empty();
        }
        Deque<Integer> positions = index().get(fingerprint(answered));
        while (positions != null && !positions.isEmpty()) {
            int position = positions.pollFirst();
            if (!claimed.get(position)) {
                claimed.set(position);
                return OptionalInt.of(position);
            }
        }
        return claimLeniently(answered);
    }

    /** The one unclaimed sent record (or the first of identical ones) that agrees with a normalised echo. */
    private OptionalInt claimLeniently(Map<String, Object> answered) {
        Map<String, String> echo = lenient(answered);
        int found = -1;
        String foundFingerprint = null;
        for (int i = claimed.nextClearBit(0); i < sent.size(); i = claimed.nextClearBit(i + 1)) {
            Map<String, Object> asRead = json.readObject(json.write(sent.get(i)));
            if (!lenient(asRead).equals(echo)) {
                continue;
            }
            String fingerprint = fingerprint(asRead);
            if (found < 0) {
                found = i;
                foundFingerprint = fingerprint;
            } else if (!fingerprint.equals(foundFingerprint)) {
                // two different records fit the echo: guessing could report one record's outcome for another
                return OptionalInt.empty();
            }
        }
        if (found < 0) {
            return OptionalInt.empty();
        }
        claimed.set(found);
        return OptionalInt.of(found);
    }

    /** Custom fields without nulls, each as text, numbers (or numeric text) without scale or type. */
    private Map<String, String> lenient(Map<String, Object> record) {
        Map<String, String> fields = new HashMap<>();
        record.forEach((name, value) -> {
            if (value != null && !SystemFields.isSystemField(name)) {
                fields.put(name, lenientValue(value));
            }
        });
        return fields;
    }

    private String lenientValue(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().strip()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                return value.toString();
            }
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return canonical.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    /** Claims a position directly (when the answer pairs records by order). */
    void claimPosition(int position) {
        claimed.set(position);
    }

    /** The positions not claimed yet, ascending. */
    List<Integer> unclaimed() {
        List<Integer> open = new ArrayList<>();
        for (int i = claimed.nextClearBit(0); i < sent.size(); i = claimed.nextClearBit(i + 1)) {
            open.add(i);
        }
        return open;
    }

    /** Built on first use: an answer without details needs no fingerprints at all. */
    private Map<String, Deque<Integer>> index() {
        if (positionsByFingerprint == null) {
            positionsByFingerprint = new HashMap<>();
            for (int i = 0; i < sent.size(); i++) {
                // through the writer and the reader, so numbers compare as the answer's do
                Map<String, Object> asRead = json.readObject(json.write(sent.get(i)));
                positionsByFingerprint.computeIfAbsent(fingerprint(asRead), f -> new ArrayDeque<>()).addLast(i);
            }
        }
        return positionsByFingerprint;
    }

    private String fingerprint(Map<String, Object> record) {
        Map<String, Object> fields = new LinkedHashMap<>(record);
        fields.keySet().removeIf(SystemFields::isSystemField);
        try {
            return canonical.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a record as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
