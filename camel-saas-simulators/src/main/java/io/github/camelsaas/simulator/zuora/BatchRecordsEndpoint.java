package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * {@code POST /objects/batch/default/{object}}: {@code {"action": {"type": "update", "records": {id: fields},
 * "allowPartialSuccess": ..}}} merges the fields into each record (as a merge patch), {@code {"action": {"type":
 * "delete", "ids": [..]}}} deletes records (absent ones ignored). At most 1,000 records either way. Update has the
 * create call's partial success rules; a record that does not exist is rejected with code 71012540.
 */
final class BatchRecordsEndpoint {

    static final int MAX_RECORDS_PER_CALL = 1_000;

    private final DefinitionRegistry definitions;
    private final RecordStore store;

    BatchRecordsEndpoint(DefinitionRegistry definitions, RecordStore store) {
        this.definitions = definitions;
        this.store = store;
    }

    SimResponse batch(ZuoraCall call) {
        JsonNode action = JsonBodies.object(call.request()).get("action");
        if (action == null || !action.isObject()) {
            throw new InvalidRequestException(ZuoraErrorCodes.MISSING_REQUIRED_FIELD, "Field [action] is required.");
        }
        ObjectDefinition definition = definitions.resolve(call.object())
                .orElseThrow(() -> new InvalidRequestException(ZuoraErrorCodes.NOT_FOUND,
                        "Custom object definition [" + call.object() + "] does not exist."));
        String type = action.path("type").asText("");
        switch (type) {
            case "delete":
                return delete(call, action);
            case "update":
                return update(call, definition, action);
            default:
                throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE,
                        "Field [action.type] must be update or delete, was [" + type + "].");
        }
    }

    private SimResponse delete(ZuoraCall call, JsonNode action) {
        JsonNode ids = action.get("ids");
        if (ids == null || !ids.isArray()) {
            throw new InvalidRequestException(ZuoraErrorCodes.MISSING_REQUIRED_FIELD,
                    "Field [action.ids] is required for a delete.");
        }
        checkSize(ids.size());
        ObjectRecords records = store.of(call.object());
        records.atomically(() -> {
            ids.forEach(id -> records.remove(id.asText()));
            return null;
        });
        return ZuoraResponses.json(200, JsonNodeFactory.instance.objectNode());
    }

    private SimResponse update(ZuoraCall call, ObjectDefinition definition, JsonNode action) {
        JsonNode changes = action.get("records");
        if (changes == null || !changes.isObject()) {
            throw new InvalidRequestException(ZuoraErrorCodes.MISSING_REQUIRED_FIELD,
                    "Field [action.records] is required for an update.");
        }
        checkSize(changes.size());
        boolean allowPartialSuccess = JsonBodies.flag(action, "allowPartialSuccess");
        ObjectRecords records = store.of(call.object());
        Map<Integer, ObjectNode> rejected = records.atomically(() -> {
            Map<Integer, ObjectNode> invalid = new TreeMap<>();
            List<ObjectNode> updates = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            String now = Records.now();
            int position = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); position++) {
                Map.Entry<String, JsonNode> change = it.next();
                Optional<ObjectNode> existing = records.get(change.getKey());
                Optional<RecordError> error;
                ObjectNode updated = null;
                if (!change.getValue().isObject()) {
                    error = Optional.of(new RecordError(ZuoraErrorCodes.INVALID_VALUE, "A record must be a JSON object."));
                } else if (existing.isEmpty()) {
                    error = Optional.of(new RecordError(ZuoraErrorCodes.NOT_FOUND,
                            "Object record [" + change.getKey() + "] does not exist."));
                } else {
                    ObjectNode fields = Records.mergePatch(Records.customFields(existing.get()), change.getValue());
                    error = RecordValidator.validate(definition, fields);
                    updated = Records.withFields(existing.get(), fields, call.caller().userId(), now);
                }
                if (error.isPresent()) {
                    invalid.put(position, detail(error.get(), change.getKey(), change.getValue()));
                } else {
                    updates.add(updated);
                    positions.add(position);
                }
            }
            Map<Integer, RecordError> duplicates = records.uniqueViolations(definition, updates);
            duplicates.forEach((u, error) -> invalid.put(positions.get(u),
                    detail(error, updates.get(u).get(Records.ID).asText(), Records.customFields(updates.get(u)))));
            if (invalid.isEmpty() || allowPartialSuccess) {
                for (int u = 0; u < updates.size(); u++) {
                    if (!duplicates.containsKey(u)) {
                        records.put(updates.get(u));
                    }
                }
            }
            return invalid;
        });
        if (rejected.isEmpty()) {
            return ZuoraResponses.json(200, JsonNodeFactory.instance.objectNode());
        }
        List<ObjectNode> details = new ArrayList<>(rejected.values());
        if (!allowPartialSuccess) {
            return ZuoraResponses.error(400, ZuoraErrorCodes.INVALID_VALUE,
                    "Batch contains invalid records; none was updated.", details);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", ZuoraResponses.errorBody(ZuoraErrorCodes.INVALID_VALUE,
                "Batch contains invalid records; the others were updated.", details));
        return ZuoraResponses.json(200, body);
    }

    private static void checkSize(int size) {
        if (size > MAX_RECORDS_PER_CALL) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE,
                    "A batch takes at most " + MAX_RECORDS_PER_CALL + " records; this one has " + size + ".");
        }
    }

    /** The rejected record as {@code {"Id": id, ...fields sent}}, so a client can tell which one it was. */
    private static ObjectNode detail(RecordError error, String id, JsonNode fields) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put(Records.ID, id);
        if (fields.isObject()) {
            record.setAll((ObjectNode) fields);
        }
        return ZuoraResponses.detail(error.code(), error.message(), record);
    }
}
