package io.github.camelsaas.zuora.objects.definition;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.json.BodyShape;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.json.JsonValueKind;

/**
 * The body of a {@code createDefinitions} message: Zuora's {@code PostCustomObjectDefinitionsRequest}, checked
 * against what its schema requires before anything is sent, so a malformed body fails the message with an
 * {@link InvalidBodyException} naming the place ({@code definitions.Vehicle.properties.Seats__c.type}) and no call
 * goes out. Zuora's own rules beyond the schema (field name suffixes, limits, an object defined already) are
 * Zuora's to check: such a body is sent and refused with Zuora's 400.
 *
 * <pre>{@code
 * {"definitions": {"Vehicle": {"object": "Vehicle", "label": "Vehicle",
 *     "properties": {"DeviceId__c": {"type": "string", "label": "Device ID", "maxLength": 20}},
 *     "required": ["DeviceId__c"], "filterable": ["DeviceId__c"]}}}
 * }</pre>
 */
public final class DefinitionsBody {

    private static final List<String> NAME_LISTS = List.of("required", "filterable", "unique", "auditable");
    private static final List<String> DEFINITION_FLAGS = List.of("enableCreateRecordAuditing",
            "enableDeleteRecordAuditing");
    private static final List<String> FIELD_FLAGS = List.of("displayName", "multiselect");

    private DefinitionsBody() {
    }

    /**
     * The body as the JSON object to send (a Map, a POJO, JSON text as String or byte[]; the producer reads an
     * InputStream into bytes first).
     *
     * @throws InvalidBodyException when it is not such an object, naming what is wrong and where
     */
    public static Map<String, Object> check(Object body, JsonRecords json) {
        if (BodyShape.isList(body)) {
            // a list of one would otherwise read as that one object
            throw invalid("the body must be one JSON object {\"definitions\": {...}}, not a list");
        }
        Map<String, Object> request;
        try {
            request = json.toRecord(body);
        } catch (InvalidBodyException e) {
            throw invalid("the body must be one JSON object {\"definitions\": {...}}: " + e.getMessage());
        }
        Object definitions = request.get("definitions");
        if (!(definitions instanceof Map<?, ?> byName) || byName.isEmpty()) {
            throw invalid("the body must hold \"definitions\", an object mapping each custom object's API name to its "
                    + "definition; here it is " + (definitions == null ? "missing"
                    : definitions instanceof Map ? "empty" : JsonValueKind.describe(definitions)));
        }
        byName.forEach((name, definition) -> checkDefinition("definitions." + name, definition));
        return request;
    }

    private static void checkDefinition(String where, Object value) {
        Map<?, ?> definition = object(where, value);
        requiredText(definition, "object", where);
        requiredText(definition, "label", where);
        NAME_LISTS.forEach(list -> optionalTextList(definition, list, where));
        DEFINITION_FLAGS.forEach(flag -> optionalBoolean(definition, flag, where));
        Object properties = definition.get("properties");
        if (properties != null) {
            object(where + ".properties", properties)
                    .forEach((field, property) -> checkField(where + ".properties." + field, property));
        }
        Object relationships = definition.get("relationships");
        if (relationships != null) {
            if (!(relationships instanceof List<?> list)) {
                throw invalid(where + ".relationships must be an array, is " + JsonValueKind.describe(relationships));
            }
            for (int i = 0; i < list.size(); i++) {
                checkRelationship(where + ".relationships[" + i + "]", list.get(i));
            }
        }
    }

    private static void checkField(String where, Object value) {
        Map<?, ?> field = object(where, value);
        requiredText(field, "type", where);
        requiredText(field, "label", where);
        optionalText(field, "format", where);
        FIELD_FLAGS.forEach(flag -> optionalBoolean(field, flag, where));
        Object maxLength = field.get("maxLength");
        if (maxLength != null && !(maxLength instanceof Integer || maxLength instanceof Long
                || maxLength instanceof Short || maxLength instanceof BigInteger)) {
            throw invalid(where + ".maxLength must be an integer, is " + JsonValueKind.describe(maxLength));
        }
    }

    private static void checkRelationship(String where, Object value) {
        Map<?, ?> relationship = object(where, value);
        requiredText(relationship, "namespace", where);
        requiredText(relationship, "object", where);
        Object cardinality = optionalText(relationship, "cardinality", where);
        if (cardinality != null && !"manyToOne".equals(cardinality)) {
            throw invalid(where + ".cardinality must be manyToOne (the only one a new definition takes), is "
                    + cardinality);
        }
        Object fields = relationship.get("fields");
        if (fields == null) {
            throw invalid(where + ".fields is required: an object mapping this object's fields to the related "
                    + "object's, e.g. {\"OrderId__c\": \"Id\"}");
        }
        object(where + ".fields", fields).forEach((field, mapped) -> {
            if (!(mapped instanceof String)) {
                throw invalid(where + ".fields." + field + " must be a field name (a string), is "
                        + JsonValueKind.describe(mapped));
            }
        });
    }

    private static Map<?, ?> object(String where, Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw invalid(where + " must be a JSON object, is " + JsonValueKind.describe(value));
    }

    private static void requiredText(Map<?, ?> container, String member, String where) {
        Object text = optionalText(container, member, where);
        if (text == null || ((String) text).isBlank()) {
            throw invalid(where + "." + member + " is required (a non-blank string)");
        }
    }

    private static Object optionalText(Map<?, ?> container, String member, String where) {
        Object value = container.get(member);
        if (value != null && !(value instanceof String)) {
            throw invalid(where + "." + member + " must be a string, is " + JsonValueKind.describe(value));
        }
        return value;
    }

    private static void optionalBoolean(Map<?, ?> container, String member, String where) {
        Object value = container.get(member);
        if (value != null && !(value instanceof Boolean)) {
            throw invalid(where + "." + member + " must be a boolean, is " + JsonValueKind.describe(value));
        }
    }

    private static void optionalTextList(Map<?, ?> container, String member, String where) {
        Object value = container.get(member);
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw invalid(where + "." + member + " must be an array of field names, is "
                    + JsonValueKind.describe(value));
        }
    }

    private static InvalidBodyException invalid(String problem) {
        return new InvalidBodyException("Invalid createDefinitions body, nothing sent: " + problem);
    }
}
