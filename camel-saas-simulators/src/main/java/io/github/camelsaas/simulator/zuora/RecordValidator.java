package io.github.camelsaas.simulator.zuora;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks the custom fields of one record against its object's definition, the way Zuora's schema validation
 * does on create and update: unknown fields, missing required fields, JSON types, maximum lengths, date formats,
 * and empty strings (which Zuora cannot store, whatever the definition). Reports the first problem found.
 */
final class RecordValidator {

    private RecordValidator() {
    }

    /** The first problem with {@code fields} (a record's full custom fields), or empty when it may be stored. */
    static Optional<RecordError> validate(ObjectDefinition definition, ObjectNode fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (Records.isSystemField(name)) {
                continue;
            }
            Optional<RecordError> error = validateField(definition, name, entry.getValue());
            if (error.isPresent()) {
                return error;
            }
        }
        for (FieldDefinition field : definition.fields()) {
            JsonNode value = fields.get(field.name());
            if (field.required() && (value == null || value.isNull())) {
                return error(ZuoraErrorCodes.MISSING_REQUIRED_FIELD, "Field [%s] is required.", field.name());
            }
        }
        return Optional.empty();
    }

    private static Optional<RecordError> validateField(ObjectDefinition definition, String name, JsonNode value) {
        if (value.isTextual() && value.textValue().isEmpty()) {
            return error(ZuoraErrorCodes.INVALID_VALUE, "Field [%s] cannot accept empty string.", name);
        }
        if (definition.acceptsAnyField()) {
            return Optional.empty();
        }
        Optional<FieldDefinition> declared = definition.field(name);
        if (declared.isEmpty()) {
            return error(ZuoraErrorCodes.UNKNOWN_FIELD, "Field [%s] is not defined in object [%s].", name,
                    definition.name());
        }
        if (value.isNull()) {
            // required-but-null is reported with the missing required fields
            return Optional.empty();
        }
        FieldDefinition field = declared.get();
        switch (field.type()) {
            case INTEGER:
                return value.isIntegralNumber() ? Optional.empty()
                        : typeError(ZuoraErrorCodes.INVALID_INTEGER, name, "an integer", value);
            case NUMBER:
                return value.isNumber() ? Optional.empty()
                        : typeError(ZuoraErrorCodes.INVALID_NUMBER, name, "a number", value);
            case BOOLEAN:
                return value.isBoolean() ? Optional.empty()
                        : typeError(ZuoraErrorCodes.INVALID_BOOLEAN, name, "a boolean", value);
            case DATE:
                return !value.isTextual() ? typeError(ZuoraErrorCodes.INVALID_STRING, name, "a date string", value)
                        : parses(value.textValue(), true) ? Optional.empty()
                        : error(ZuoraErrorCodes.INVALID_VALUE, "Field [%s] should be a date (yyyy-MM-dd) but was [%s].",
                                name, value.textValue());
            case DATETIME:
                return !value.isTextual() ? typeError(ZuoraErrorCodes.INVALID_STRING, name, "a date-time string", value)
                        : parses(value.textValue(), false) ? Optional.empty()
                        : error(ZuoraErrorCodes.INVALID_VALUE,
                                "Field [%s] should be an ISO-8601 date-time with offset but was [%s].", name,
                                value.textValue());
            case STRING:
            default:
                if (!value.isTextual()) {
                    return typeError(ZuoraErrorCodes.INVALID_STRING, name, "a string", value);
                }
                String text = value.textValue();
                int length = text.codePointCount(0, text.length());
                return length <= field.maxLength() ? Optional.empty()
                        : error(ZuoraErrorCodes.INVALID_VALUE, "Field [%s] is %d characters long, over its maximum of %d.",
                                name, length, field.maxLength());
        }
    }

    private static boolean parses(String text, boolean dateOnly) {
        try {
            if (dateOnly) {
                LocalDate.parse(text);
            } else {
                OffsetDateTime.parse(text);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Optional<RecordError> typeError(int code, String name, String expected, JsonNode value) {
        return error(code, "Field [%s] should be %s but received %s.", name, expected, jsonTypeOf(value));
    }

    private static String jsonTypeOf(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static Optional<RecordError> error(int code, String format, Object... args) {
        return Optional.of(new RecordError(code, String.format(format, args)));
    }
}
