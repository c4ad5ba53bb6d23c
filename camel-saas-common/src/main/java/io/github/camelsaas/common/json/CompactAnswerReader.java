package io.github.camelsaas.common.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads one answer into the same untyped values as the {@linkplain DefaultObjectMapper default mapper}
 * ({@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code BigDecimal}, {@code Boolean}, null), but smaller, for answers whose records are kept: a string value that
 * occurs again in the same answer (a creator's id, a timestamp, a status) is one shared {@code String}, and each
 * object's map is sized from the previous object's field count instead of growing from the default size. Field names
 * are shared already (Jackson canonicalises them).
 *
 * <p>One instance per answer, one thread. Anything unexpected throws, and the caller reads the answer the usual
 * way, which reports the problem as usual.
 */
final class CompactAnswerReader {

    /** Longer strings are rarely repeated (free text, ids) and are not worth hashing. */
    private static final int MAX_SHARED_LENGTH = 64;
    private static final int DEFAULT_OBJECT_SIZE = 16;

    private final Map<String, String> seen = new HashMap<>();
    private int lastObjectSize = DEFAULT_OBJECT_SIZE;

    /** The answer's one JSON value; throws on anything but exactly one well-formed value. */
    static Object read(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new IllegalStateException("no JSON value");
        }
        Object value = new CompactAnswerReader().value(parser);
        if (parser.nextToken() != null) {
            throw new IllegalStateException("trailing content after the JSON value");
        }
        return value;
    }

    private Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY:
                return array(parser);
            case VALUE_STRING:
                return shared(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                // the default mapper reads decimals as BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS)
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected " + token);
        }
    }

    private Map<String, Object> object(JsonParser parser) throws IOException {
        // load factor 1: the records of one answer have the same fields, so the table is filled, never resized
        Map<String, Object> object = new LinkedHashMap<>(lastObjectSize, 1f);
        String name;
        while ((name = parser.nextFieldName()) != null) {
            parser.nextToken();
            object.put(name, value(parser));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected " + parser.currentToken());
        }
        lastObjectSize = Math.max(1, object.size());
        return object;
    }

    private List<Object> array(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    private String shared(String text) {
        if (text.length() > MAX_SHARED_LENGTH) {
            return text;
        }
        String earlier = seen.putIfAbsent(text, text);
        return earlier == null ? text : earlier;
    }
}
