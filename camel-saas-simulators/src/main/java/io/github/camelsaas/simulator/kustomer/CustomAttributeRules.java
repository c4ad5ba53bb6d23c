package io.github.camelsaas.simulator.kustomer;

import java.util.Map;

/**
 * Kustomer's custom attributes: the name's suffix is the type. {@code Num} number, {@code At} date-time,
 * {@code Str}/{@code Txt} string of at most 1024 characters, {@code Bool} boolean, {@code Url} URI; each may be null.
 * A name with no known suffix is refused, since Kustomer could not type it. (The spec declares {@code custom} with
 * {@code additionalProperties: false}, which read literally forbids every attribute; Kustomer's own examples send
 * them, so {@code custom} is treated as open, at most 100 keys.)
 */
final class CustomAttributeRules {

    private static final int MAX_STRING = 1024;

    private CustomAttributeRules() {
    }

    static void check(Map<?, ?> custom, FieldRules rules) {
        for (Map.Entry<?, ?> entry : custom.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            String member = "custom/" + name;
            String problem = problem(name, value);
            if (problem != null) {
                throw rules.invalid(member, problem);
            }
        }
    }

    /** What is wrong with one attribute, or null. */
    private static String problem(String name, Object value) {
        if (name.endsWith("Num") && name.length() > 3) {
            return value == null || value instanceof Number ? null : "must be a number or null (suffix Num)";
        }
        if (name.endsWith("At") && name.length() > 2) {
            return value == null || Timestamps.isDateTime(value) ? null
                    : "must be an ISO-8601 date-time or null (suffix At)";
        }
        if ((name.endsWith("Str") || name.endsWith("Txt")) && name.length() > 3) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof String s)) {
                return "must be a string or null (suffix " + name.substring(name.length() - 3) + ")";
            }
            int length = s.codePointCount(0, s.length());
            return length <= MAX_STRING ? null : "must be at most " + MAX_STRING + " characters, was " + length;
        }
        if (name.endsWith("Bool") && name.length() > 4) {
            return value == null || value instanceof Boolean ? null : "must be a boolean or null (suffix Bool)";
        }
        if (name.endsWith("Url") && name.length() > 3) {
            return value == null || FieldRules.isAbsoluteUri(value) ? null : "must be an absolute URI or null (suffix Url)";
        }
        return "has no type suffix (Num, At, Str, Txt, Bool or Url)";
    }
}
