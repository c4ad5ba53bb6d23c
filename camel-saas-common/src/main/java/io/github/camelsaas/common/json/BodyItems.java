package io.github.camelsaas.common.json;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The items of a body that lists things to act on by id (the ids of a delete): a JSON array as text, an Iterable,
 * an Iterator or an array, each item an id or a record holding one; a String or Map alone is one item. Both
 * components read such bodies with this one rule.
 */
public final class BodyItems {

    private BodyItems() {
    }

    /**
     * The ids to delete, each an id or a record holding one.
     *
     * @param  idMember             how the vendor names a record's id ({@code Id}, {@code id}), for the message
     * @throws InvalidBodyException when the body holds no such items (nothing is sent)
     */
    public static List<Object> idsToDelete(Object body, JsonRecords json, String idMember) {
        if (body instanceof byte[] bytes) {
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof String text && text.strip().startsWith("[")) {
            try {
                return new ArrayList<>(json.read(text.getBytes(StandardCharsets.UTF_8), List.class));
            } catch (JsonResponseException e) {
                throw new InvalidBodyException("Body is not a JSON array of ids; nothing was sent", -1, e);
            }
        }
        if (body instanceof String || body instanceof java.util.Map) {
            return new ArrayList<>(List.of(body));
        }
        List<Object> items = new ArrayList<>();
        if (body instanceof Iterable<?> iterable) {
            iterable.forEach(items::add);
        } else if (body instanceof Iterator<?> iterator) {
            iterator.forEachRemaining(items::add);
        } else if (body != null && body.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(body); i++) {
                items.add(Array.get(body, i));
            }
        } else {
            throw new InvalidBodyException("Expected the ids to delete: a list of ids (or of records with their "
                    + idMember + "), got "
                    + (body == null ? "no body" : body.getClass().getName()));
        }
        return items;
    }
}
