package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Guesses custom fields from records, for the objects the accept-any-object mode defines on the fly: each
 * {@code __c} field with a non-null scalar value, typed by its JSON value (a string field, an integer field unless
 * some record holds a fraction, a number field, a boolean field), in the order first seen. Other names (which Zuora
 * would refuse) and null, object or array values give no field.
 */
final class FieldInference {

    private FieldInference() {
    }

    static List<FieldDefinition> fieldsOf(JsonNode records) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        for (JsonNode record : records) {
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                FieldType type = typeOf(field.getValue());
                if (type != null && isCustomFieldName(field.getKey())) {
                    types.merge(field.getKey(), type, FieldInference::wider);
                }
            }
        }
        List<FieldDefinition> fields = new ArrayList<>(types.size());
        types.forEach((name, type) -> fields.add(FieldDefinition.of(name, type).build()));
        return fields;
    }

    private static boolean isCustomFieldName(String name) {
        return name.endsWith(FieldDefinition.CUSTOM_FIELD_SUFFIX)
                && name.length() > FieldDefinition.CUSTOM_FIELD_SUFFIX.length();
    }

    private static FieldType typeOf(JsonNode value) {
        if (value.isTextual()) {
            return FieldType.STRING;
        }
        if (value.isIntegralNumber()) {
            return FieldType.INTEGER;
        }
        if (value.isNumber()) {
            return FieldType.NUMBER;
        }
        return value.isBoolean() ? FieldType.BOOLEAN : null;
    }

    /** An integer field that also saw a fraction is a number field; any other disagreement keeps the first type. */
    private static FieldType wider(FieldType first, FieldType next) {
        return first == FieldType.INTEGER && next == FieldType.NUMBER ? FieldType.NUMBER : first;
    }
}
