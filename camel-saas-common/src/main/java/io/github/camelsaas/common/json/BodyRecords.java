package io.github.camelsaas.common.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a message body of any supported shape into records, rejecting what is not a JSON object with a message
 * that names the record. Everything goes through Jackson's untyped model, so every record comes out as a fresh
 * {@code LinkedHashMap} of plain JSON values (maps, lists, strings, numbers, booleans, nulls) whatever the input
 * held: nested POJOs and dates are converted, and the caller's objects are never shared or modified. A Map that
 * holds only plain JSON values already is copied directly ({@link PlainJsonCopy}), to the same result. A caller
 * that only reads its records may ask for flat plain ones uncopied, as read-only views ({@link FlatPlainRecord}).
 */
final class BodyRecords {

    private static final String EXPECTED_BODY = "expected a JSON object, an array of JSON objects, a Map, "
            + "a List of Maps or POJOs, or a POJO";
    private static final String EXPECTED_RECORD = "expected a JSON object";

    private static final Predicate<Map<String, ?>> NEVER_AS_IS = record -> false;

    private final ObjectMapper mapper;

    BodyRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Map<String, Object>> extract(Object body) {
        return extract(body, NEVER_AS_IS);
    }

    /**
     * As {@link #extract(Object)}, but a Map element that is {@linkplain FlatPlainRecord flat plain JSON} and that
     * {@code usableAsIs} accepts is returned as an unmodifiable view of the caller's own map instead of a copy.
     */
    List<Map<String, Object>> extract(Object body, Predicate<Map<String, ?>> usableAsIs) {
        Objects.requireNonNull(usableAsIs, "usableAsIs");
        if (body == null) {
            throw new InvalidBodyException("body is null, " + EXPECTED_BODY);
        }
        if (isJsonText(body)) {
            return fromPlainJson(parseBody(body));
        }
        // before Iterable: an ObjectNode iterates over its values, an ArrayNode over its elements
        if (body instanceof JsonNode node) {
            return fromPlainJson(mapper.convertValue(node, Object.class));
        }
        if (body instanceof Map) {
            return single(record(body, 0, usableAsIs));
        }
        if (body instanceof Iterable<?> iterable) {
            return fromElements(iterable.iterator(), usableAsIs);
        }
        if (body instanceof Iterator<?> iterator) {
            return fromElements(iterator, usableAsIs);
        }
        if (body.getClass().isArray()) {
            return fromElements(arrayIterator(body), usableAsIs);
        }
        return fromPlainJson(toPlainJson(body, -1));
    }

    /** The body as a whole after parsing or conversion: one object, or an array whose elements must be objects. */
    private List<Map<String, Object>> fromPlainJson(Object plain) {
        if (plain instanceof Map) {
            return single(asRecord(plain));
        }
        if (plain instanceof List<?> list) {
            List<Map<String, Object>> records = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                if (!(element instanceof Map)) {
                    throw notAnObject(i, JsonValueKind.describe(element), null);
                }
                records.add(asRecord(element));
            }
            return records;
        }
        throw new InvalidBodyException("body is " + JsonValueKind.describe(plain) + ", " + EXPECTED_BODY);
    }

    private List<Map<String, Object>> fromElements(Iterator<?> elements, Predicate<Map<String, ?>> usableAsIs) {
        List<Map<String, Object>> records = new ArrayList<>();
        int index = 0;
        while (elements.hasNext()) {
            records.add(record(elements.next(), index++, usableAsIs));
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> record(Object element, int index, Predicate<Map<String, ?>> usableAsIs) {
        if (element == null || element instanceof Number || element instanceof Boolean
                || element instanceof Character || element instanceof Collection || isNonTextArray(element)) {
            throw notAnObject(index, JsonValueKind.describe(element), null);
        }
        if (isJsonText(element)) {
            Object parsed = parseElement(element, index);
            if (!(parsed instanceof Map)) {
                throw notAnObject(index, "a string holding " + jsonKind(parsed), null);
            }
            return asRecord(parsed);
        }
        if (element instanceof Map<?, ?> map && mapper == DefaultObjectMapper.INSTANCE) {
            // the keys were just checked to be strings
            if (usableAsIs != NEVER_AS_IS && FlatPlainRecord.test(map) && usableAsIs.test((Map<String, ?>) map)) {
                return Collections.unmodifiableMap((Map<String, Object>) map);
            }
            Map<String, Object> copy = PlainJsonCopy.copyOrNull(map);
            if (copy != null) {
                return copy;
            }
        }
        Object plain = toPlainJson(element, index);
        if (!(plain instanceof Map)) {
            throw notAnObject(index, JsonValueKind.describe(plain) + " once converted to JSON", null);
        }
        return asRecord(plain);
    }

    /** Converts a Map, POJO or JsonNode; {@code index} is -1 for the body as a whole. */
    private Object toPlainJson(Object value, int index) {
        try {
            return mapper.convertValue(value, Object.class);
        } catch (IllegalArgumentException e) {
            String what = index < 0 ? "body" : "record " + index;
            throw new InvalidBodyException(what + " (" + value.getClass().getName()
                    + ") cannot be converted to JSON: " + JsonErrors.rootMessage(e), index, e);
        }
    }

    private Object parseBody(Object text) {
        try {
            return parse(text);
        } catch (EmptyJsonText e) {
            throw new InvalidBodyException("body is empty, " + EXPECTED_BODY);
        } catch (JsonProcessingException e) {
            throw new InvalidBodyException("body is not valid JSON: " + JsonErrors.describe(e), -1, e);
        } catch (IOException e) {
            throw new InvalidBodyException("body could not be read: " + e.getMessage(), -1, e);
        }
    }

    private Object parseElement(Object text, int index) {
        try {
            return parse(text);
        } catch (EmptyJsonText e) {
            throw notAnObject(index, "an empty string", null);
        } catch (IOException e) {
            throw notAnObject(index, "a string that is not valid JSON (" + JsonErrors.describe(e) + ")", e);
        }
    }

    private Object parse(Object text) throws IOException {
        try (JsonParser parser = createParser(text)) {
            if (parser.nextToken() == null) {
                throw new EmptyJsonText();
            }
            return mapper.readValue(parser, Object.class);
        }
    }

    private JsonParser createParser(Object text) throws IOException {
        if (text instanceof byte[] bytes) {
            return mapper.createParser(bytes);
        }
        if (text instanceof InputStream stream) {
            return mapper.createParser(stream);
        }
        return mapper.createParser(text.toString());
    }

    private static boolean isJsonText(Object value) {
        return value instanceof CharSequence || value instanceof byte[] || value instanceof InputStream;
    }

    private static boolean isNonTextArray(Object value) {
        return value.getClass().isArray() && !(value instanceof byte[]);
    }

    private static String jsonKind(Object plain) {
        return plain == null ? "JSON null" : "a JSON " + JsonValueKind.describe(plain).replaceFirst("^an? ", "");
    }

    private static InvalidBodyException notAnObject(int index, String whatItIs, Throwable cause) {
        return new InvalidBodyException("record " + index + " is " + whatItIs + ", " + EXPECTED_RECORD, index, cause);
    }

    /** Mutable like every other result, so callers can treat all results alike. */
    private static List<Map<String, Object>> single(Map<String, Object> record) {
        List<Map<String, Object>> records = new ArrayList<>(1);
        records.add(record);
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asRecord(Object plainObject) {
        // Jackson's untyped model reads every JSON object as a LinkedHashMap with String keys
        return (Map<String, Object>) plainObject;
    }

    private static Iterator<Object> arrayIterator(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < length;
            }

            @Override
            public Object next() {
                if (next >= length) {
                    throw new NoSuchElementException();
                }
                return Array.get(array, next++);
            }
        };
    }

    /** Signals text with no JSON token at all, which deserves its own message rather than a parser's. */
    private static final class EmptyJsonText extends IOException {
        private static final long serialVersionUID = 1L;

        EmptyJsonText() {
            super(null, null);
        }
    }
}
