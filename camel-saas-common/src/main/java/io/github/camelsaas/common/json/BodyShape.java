package io.github.camelsaas.common.json;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a message body holds a list of records (even of one) or a single record: a list answers a list and
 * reports failed records one by one, a single record answers its result or fails the exchange. Both components
 * read the body's shape with this one rule.
 */
public final class BodyShape {

    /** How much of a JSON text is read to find its first character (whitespace and a BOM may come first). */
    private static final int PEEK_BYTES = 256;

    private BodyShape() {
    }

    /**
     * A collection, an iterator, an array (but bytes), a JSON array node, or JSON text (a String, or bytes as an
     * InputStream body becomes) whose first character is {@code [}.
     */
    public static boolean isList(Object body) {
        if (body instanceof byte[] bytes) {
            return startsWithBracket(new String(bytes, 0, Math.min(bytes.length, PEEK_BYTES), StandardCharsets.UTF_8));
        }
        if (body instanceof CharSequence text) {
            return startsWithBracket(text);
        }
        if (body instanceof JsonNode node) {
            return node.isArray();
        }
        return body instanceof Iterable || body instanceof Iterator || (body != null && body.getClass().isArray());
    }

    private static boolean startsWithBracket(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '[';
            }
        }
        return false;
    }
}
