package io.github.camelsaas.common.json;

import java.util.Collection;
import java.util.Map;

/**
 * Names a plain Java JSON value (as Jackson reads untyped JSON) the way an error message should: by its kind, never
 * its content.
 */
public final class JsonValueKind {

    private JsonValueKind() {
    }

    /** {@code "an object"}, {@code "an array"}, {@code "a string"}, {@code "a number"}, {@code "null"}... */
    public static String describe(Object plainJsonValue) {
        if (plainJsonValue == null) {
            return "null";
        }
        if (plainJsonValue instanceof Map) {
            return "an object";
        }
        if (plainJsonValue instanceof Collection || plainJsonValue.getClass().isArray()) {
            return "an array";
        }
        if (plainJsonValue instanceof CharSequence || plainJsonValue instanceof Character) {
            return "a string";
        }
        if (plainJsonValue instanceof Number) {
            return "a number";
        }
        if (plainJsonValue instanceof Boolean) {
            return "a boolean";
        }
        return "a " + plainJsonValue.getClass().getName();
    }
}
