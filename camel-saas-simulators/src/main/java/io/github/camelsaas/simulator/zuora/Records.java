package io.github.camelsaas.simulator.zuora;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape of a stored record: system fields set by the server around the custom fields a client sent.
 * Stored records are never changed in place (an update stores a new node), so readers can serialize them
 * without a lock.
 */
final class Records {

    static final String ID = "Id";
    static final String TYPE = "type";
    static final String CREATED_BY_ID = "CreatedById";
    static final String UPDATED_BY_ID = "UpdatedById";
    static final String CREATED_DATE = "CreatedDate";
    static final String UPDATED_DATE = "UpdatedDate";
    static final List<String> SYSTEM_FIELDS = List.of(ID, TYPE, CREATED_BY_ID, UPDATED_BY_ID, CREATED_DATE, UPDATED_DATE);

    /** Zuora's timestamps: UTC with milliseconds, e.g. {@code 2024-07-09T06:41:17.377Z}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Records() {
    }

    static boolean isSystemField(String name) {
        return SYSTEM_FIELDS.contains(name);
    }

    static String now() {
        return timestamp(Instant.now());
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A new record: system fields plus the client's custom fields (nulls dropped, system fields ignored). */
    static ObjectNode newRecord(String id, String object, ObjectNode fields, String userId, String timestamp) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put(ID, id).put(TYPE, object);
        copyCustomFields(fields, record);
        record.put(CREATED_BY_ID, userId).put(UPDATED_BY_ID, userId);
        record.put(CREATED_DATE, timestamp).put(UPDATED_DATE, timestamp);
        return record;
    }

    /** The stored record with its custom fields replaced by {@code fields}; creation data kept. */
    static ObjectNode withFields(ObjectNode existing, ObjectNode fields, String userId, String timestamp) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.set(ID, existing.get(ID));
        record.set(TYPE, existing.get(TYPE));
        copyCustomFields(fields, record);
        record.set(CREATED_BY_ID, existing.get(CREATED_BY_ID));
        record.put(UPDATED_BY_ID, userId);
        record.set(CREATED_DATE, existing.get(CREATED_DATE));
        record.put(UPDATED_DATE, timestamp);
        return record;
    }

    /** The custom fields of a record (a copy). */
    static ObjectNode customFields(ObjectNode record) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        copyCustomFields(record, fields);
        return fields;
    }

    /**
     * Applies a JSON merge patch (RFC 7386) to a copy of {@code target}: null removes a member, objects merge,
     * anything else replaces.
     */
    static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        ObjectNode result = target.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            JsonNode current = result.get(member.getKey());
            if (value.isNull()) {
                result.remove(member.getKey());
            } else if (value.isObject() && current != null && current.isObject()) {
                result.set(member.getKey(), mergePatch((ObjectNode) current, value));
            } else {
                result.set(member.getKey(), value.deepCopy());
            }
        }
        return result;
    }

    private static void copyCustomFields(ObjectNode from, ObjectNode to) {
        // Zuora cannot tell a null field from a missing one (its query syntax says so), so nulls are not stored;
        // system fields sent by a client (e.g. a record read back and PUT again) are the server's to set
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!isSystemField(field.getKey()) && !field.getValue().isNull()) {
                to.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
