package io.github.camelsaas.simulator.zuora;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.camelsaas.simulator.common.SimResponse;

/** {@code GET|PUT|PATCH|DELETE /objects/records/default/{object}/{id}}: one record. */
final class RecordEndpoint {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final DefinitionRegistry definitions;
    private final RecordStore store;

    RecordEndpoint(DefinitionRegistry definitions, RecordStore store) {
        this.definitions = definitions;
        this.store = store;
    }

    SimResponse get(ZuoraCall call) {
        if (!definitions.accepts(call.object())) {
            return unknownObject(call);
        }
        return store.find(call.object()).flatMap(records -> records.get(call.id()))
                .map(record -> ZuoraResponses.json(200, record))
                .orElseGet(() -> unknownRecord(call));
    }

    /** PUT: the record's custom fields become exactly those of the body. */
    SimResponse replace(ZuoraCall call) {
        ObjectNode fields = JsonBodies.object(call.request());
        return update(call, existing -> fields);
    }

    /** PATCH: the body is a JSON merge patch over the record's custom fields. */
    SimResponse patch(ZuoraCall call) {
        String contentType = call.request().header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MERGE_PATCH)) {
            return ZuoraResponses.error(415, ZuoraErrorCodes.INVALID_VALUE,
                    "PATCH takes Content-Type " + MERGE_PATCH + ", was [" + contentType + "].");
        }
        ObjectNode patch = JsonBodies.object(call.request());
        return update(call, existing -> Records.mergePatch(Records.customFields(existing), patch));
    }

    /** DELETE answers 200 with the record's URI whether or not it existed, as Zuora documents only 200. */
    SimResponse delete(ZuoraCall call) {
        store.find(call.object()).ifPresent(records -> records.remove(call.id()));
        return ZuoraResponses.json(200,
                TextNode.valueOf("/objects/records/default/" + call.object() + "/" + call.id()));
    }

    private SimResponse update(ZuoraCall call, UnaryOperator<ObjectNode> newFields) {
        Optional<ObjectDefinition> definition = definitions.resolve(call.object());
        if (definition.isEmpty()) {
            return unknownObject(call);
        }
        ObjectRecords records = store.of(call.object());
        // read, change and write under the object's lock so concurrent patches do not lose each other's fields
        return records.atomically(() -> {
            Optional<ObjectNode> existing = records.get(call.id());
            if (existing.isEmpty()) {
                return unknownRecord(call);
            }
            ObjectNode fields = newFields.apply(existing.get());
            Optional<RecordError> error = RecordValidator.validate(definition.get(), fields);
            ObjectNode updated = Records.withFields(existing.get(), fields, call.caller().userId(), Records.now());
            if (error.isEmpty()) {
                error = Optional.ofNullable(records.uniqueViolations(definition.get(), List.of(updated)).get(0));
            }
            if (error.isPresent()) {
                return invalidRecord(error.get(), fields);
            }
            records.put(updated);
            return ZuoraResponses.json(200, updated);
        });
    }

    private static SimResponse invalidRecord(RecordError error, ObjectNode fields) {
        return ZuoraResponses.error(400, ZuoraErrorCodes.INVALID_VALUE,
                "The record failed validation against the object schema.",
                List.of(ZuoraResponses.detail(error.code(), error.message(), fields)));
    }

    private static SimResponse unknownObject(ZuoraCall call) {
        return ZuoraResponses.notFound("Custom object definition [" + call.object() + "] does not exist.",
                call.requestId());
    }

    private static SimResponse unknownRecord(ZuoraCall call) {
        return ZuoraResponses.notFound(
                "Object record [" + call.id() + "] of type [" + call.object() + "] does not exist.", call.requestId());
    }
}
