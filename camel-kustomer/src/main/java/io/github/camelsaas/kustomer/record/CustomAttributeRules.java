package io.github.camelsaas.kustomer.record;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Kustomer's custom attributes carry their type in their name's suffix: {@code Num} number, {@code At} ISO-8601
 * date-time, {@code Str} and {@code Txt} string of at most 1024 characters, {@code Bool} boolean, {@code Url} absolute
 * URI; any of them may be null. A name without one of these suffixes cannot be typed, so it is refused too. Messages
 * name the attribute and the kind of value found, never the value (records may hold personal data).
 */
final class CustomAttributeRules {

    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_STRING_LENGTH = 1024;

    private CustomAttributeRules() {
    }

    /** Adds the violations of a record's {@code custom} member to {@code violations}. */
    static void check(Object custom, List<String> violations) {
        if (custom == null) {
            return;
        }
        if (!(custom instanceof Map<?, ?> attributes)) {
            violations.add("custom must be an object of custom attributes, was " + kind(custom));
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            violations.add("custom has " + attributes.size() + " attributes, at most " + MAX_ATTRIBUTES + " allowed");
        }
        for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
            String name = String.valueOf(attribute.getKey());
            String problem = problem(name, attribute.getValue());
            if (problem != null) {
                violations.add("custom." + name + " " + problem);
            }
        }
    }

    private static String problem(String name, Object value) {
        if (hasSuffix(name, "Num")) {
            return value == null || value instanceof Number ? null : "must be a number or null (suffix Num), was "
                    + kind(value);
        }
        if (hasSuffix(name, "At")) {
            return value == null || isDateTime(value) ? null
                    : "must be an ISO-8601 date-time with offset such as 2024-05-01T12:00:00Z, or null (suffix At)";
        }
        if (hasSuffix(name, "Str") || hasSuffix(name, "Txt")) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof String text)) {
                return "must be a string or null (suffix " + name.substring(name.length() - 3) + "), was " + kind(value);
            }
            int length = text.codePointCount(0, text.length());
            return length <= MAX_STRING_LENGTH ? null
                    : "must be at most " + MAX_STRING_LENGTH + " characters, was " + length;
        }
        if (hasSuffix(name, "Bool")) {
            return value == null || value instanceof Boolean ? null : "must be a boolean or null (suffix Bool), was "
                    + kind(value);
        }
        if (hasSuffix(name, "Url")) {
            return value == null || isAbsoluteUri(value) ? null : "must be an absolute URI or null (suffix Url)";
        }
        return "has no type suffix; Kustomer types custom attributes by name: Num, At, Str, Txt, Bool or Url";
    }

    private static boolean hasSuffix(String name, String suffix) {
        return name.length() > suffix.length() && name.endsWith(suffix);
    }

    static boolean isDateTime(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isAbsoluteUri(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return false;
        }
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The kind of a JSON value, for messages that must not echo it. */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
