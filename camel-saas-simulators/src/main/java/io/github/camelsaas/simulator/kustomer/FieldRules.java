package io.github.camelsaas.simulator.kustomer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the members of one JSON object the way the spec's request schemas say, and refuses the first violation with
 * a 400 whose {@code source.pointer} names the member. {@code pointerPrefix} places the object in the body:
 * {@code ""} for a single create, {@code "/3"} for the fourth item of a bulk request (whose titles then start with
 * "item 3: ").
 */
final class FieldRules {

    /** The spec's tag pattern (1-64 chars, no leading space; Latin-1 letters allowed). */
    private static final Pattern TAG = Pattern.compile("[0-9a-zA-Z\u00C0-\u00FF_/<>\\-.][0-9a-zA-Z\u00C0-\u00FF _/<>\\-.]{0,63}");

    private final Map<String, Object> body;
    private final String pointerPrefix;
    private final String titlePrefix;

    FieldRules(Map<String, Object> body, String pointerPrefix) {
        this.body = body;
        this.pointerPrefix = pointerPrefix;
        this.titlePrefix = pointerPrefix.isEmpty() ? "" : "item " + pointerPrefix.substring(1) + ": ";
    }

    Map<String, Object> body() {
        return body;
    }

    ApiException invalid(String member, String problem) {
        return ApiException.invalidField(pointerPrefix + "/" + member, titlePrefix + member + " " + problem);
    }

    boolean has(String member) {
        return body.get(member) != null;
    }

    /** The spec's {@code additionalProperties: false}. */
    void onlyAllowed(Set<String> allowed) {
        for (String member : new TreeSet<>(body.keySet())) {
            if (!allowed.contains(member)) {
                throw invalid(member, "is not an allowed property");
            }
        }
    }

    void required(String member) {
        if (!body.containsKey(member) || body.get(member) == null) {
            throw invalid(member, "is required");
        }
    }

    /** A string of {@code min..max} characters when present; {@code nullable} lets an explicit null through. */
    void string(String member, int min, int max, boolean nullable) {
        if (!body.containsKey(member)) {
            return;
        }
        Object value = body.get(member);
        if (value == null) {
            if (!nullable) {
                throw invalid(member, "must not be null");
            }
            return;
        }
        if (!(value instanceof String s)) {
            throw invalid(member, "must be a string");
        }
        int length = s.codePointCount(0, s.length());
        if (length < min || length > max) {
            throw invalid(member, min > 0 ? "must be " + min + "-" + max + " characters, was " + length
                    : "must be at most " + max + " characters, was " + length);
        }
    }

    void requiredString(String member, int min, int max) {
        required(member);
        string(member, min, max, false);
    }

    void dateTime(String member, boolean nullable) {
        Object value = body.get(member);
        if (value == null) {
            if (body.containsKey(member) && !nullable) {
                throw invalid(member, "must not be null");
            }
            return;
        }
        if (!Timestamps.isDateTime(value)) {
            throw invalid(member, "must be an ISO-8601 date-time with offset, e.g. 2024-05-01T12:00:00Z");
        }
    }

    void enumValue(String member, Set<String> allowed, boolean nullable) {
        Object value = body.get(member);
        if (value == null) {
            if (body.containsKey(member) && !nullable) {
                throw invalid(member, "must not be null");
            }
            return;
        }
        if (!allowed.contains(value)) {
            throw invalid(member, "must be one of " + new TreeSet<>(allowed) + ", was " + value);
        }
    }

    void requiredEnum(String member, Set<String> allowed) {
        required(member);
        enumValue(member, allowed, false);
    }

    void integer(String member, long min, long max) {
        Object value = body.get(member);
        if (value == null) {
            return;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw invalid(member, "must be an integer from " + min + " to " + max);
        }
    }

    void number(String member) {
        Object value = body.get(member);
        if (value != null && !(value instanceof Number)) {
            throw invalid(member, "must be a number");
        }
    }

    void bool(String member) {
        Object value = body.get(member);
        if (value != null && !(value instanceof Boolean)) {
            throw invalid(member, "must be a boolean");
        }
    }

    /** A JSON object with at most {@code maxProperties} members (0: unbounded). */
    void object(String member, int maxProperties) {
        Object value = body.get(member);
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(member, "must be an object");
        }
        if (maxProperties > 0 && map.size() > maxProperties) {
            throw invalid(member, "must have at most " + maxProperties + " properties, has " + map.size());
        }
    }

    /** An array of at most {@code maxItems} items, distinct when {@code unique}; returns it (empty when absent). */
    List<?> array(String member, int maxItems, boolean unique) {
        Object value = body.get(member);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(member, "must be an array");
        }
        if (list.size() > maxItems) {
            throw invalid(member, "must have at most " + maxItems + " items, has " + list.size());
        }
        if (unique && new HashSet<>(list).size() != list.size()) {
            throw invalid(member, "must not repeat items");
        }
        return list;
    }

    /** An array of objects each carrying {@code key} (emails, phones, external ids of a customer). */
    void arrayOfObjectsWith(String member, int maxItems, String key) {
        List<?> items = array(member, maxItems, true);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item) || !(item.get(key) instanceof String s) || s.isEmpty()) {
                throw invalid(member + "/" + i + "/" + key, "is required and must be a non-empty string");
            }
        }
    }

    void tags() {
        List<?> tags = array("tags", 20, true);
        for (int i = 0; i < tags.size(); i++) {
            if (!(tags.get(i) instanceof String tag) || !TAG.matcher(tag).matches()) {
                throw invalid("tags/" + i, "must be 1-64 characters of letters, digits, space, _ / < > - . "
                        + "(not starting with a space), was " + tags.get(i));
            }
        }
    }

    /** An absolute URI ({@code format: uri}) when present. */
    void uri(String member, boolean nullable) {
        Object value = body.get(member);
        if (value == null) {
            if (body.containsKey(member) && !nullable) {
                throw invalid(member, "must not be null");
            }
            return;
        }
        if (!isAbsoluteUri(value)) {
            throw invalid(member, "must be an absolute URI");
        }
    }

    void uris(String member, int maxItems) {
        List<?> items = array(member, maxItems, true);
        for (int i = 0; i < items.size(); i++) {
            if (!isAbsoluteUri(items.get(i))) {
                throw invalid(member + "/" + i, "must be an absolute URL");
            }
        }
    }

    /** A reference to another record ({@code format: object-id}). */
    void objectId(String member) {
        Object value = body.get(member);
        if (value != null && !ObjectIds.isObjectId(value)) {
            throw invalid(member, "must be an object id (24 hex digits)");
        }
    }

    void customAttributes() {
        object("custom", 100);
        Object value = body.get("custom");
        if (value instanceof Map<?, ?> custom) {
            CustomAttributeRules.check(custom, this);
        }
    }

    static boolean isAbsoluteUri(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return false;
        }
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
