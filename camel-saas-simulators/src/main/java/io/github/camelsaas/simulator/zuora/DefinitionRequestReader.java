package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code POST /objects/definitions/default} (the spec's {@code PostCustomObjectDefinitionsRequest}:
 * {@code {"definitions": {name: definition}}}) into {@link ObjectDefinition}s, refusing what Zuora's schema or its
 * documented rules refuse, with an {@link InvalidRequestException} naming the object and field. What the simulator
 * keeps: label, fields (type, format, maxLength, label), required, filterable, unique and relationships (shown, not
 * enforced); auditing settings, {@code displayName} and {@code multiselect} are checked for their JSON type only.
 */
final class DefinitionRequestReader {

    /** Zuora's limit of fields with a unique constraint per object (the request schema's description). */
    static final int MAX_UNIQUE_FIELDS = 5;
    /** Zuora's limit of auditable fields per object. */
    static final int MAX_AUDITABLE_FIELDS = 5;
    /** Zuora's limit of manyToOne relationships given when a definition is created. */
    static final int MAX_RELATIONSHIPS = 2;

    private DefinitionRequestReader() {
    }

    /** The definitions of the body, in its order. */
    static List<ObjectDefinition> read(ObjectNode body) {
        JsonNode definitions = body.get("definitions");
        if (definitions == null || !definitions.isObject() || definitions.isEmpty()) {
            throw invalid(ZuoraErrorCodes.MISSING_REQUIRED_FIELD,
                    "Field [definitions] is required: an object mapping each object's API name to its definition.");
        }
        List<ObjectDefinition> read = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            read.add(definition(entry.getKey(), entry.getValue()));
        }
        return read;
    }

    private static ObjectDefinition definition(String key, JsonNode definition) {
        String where = "definitions." + key;
        if (!definition.isObject()) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + "] must be an object.");
        }
        String object = requiredText(definition, "object", where);
        String label = requiredText(definition, "label", where);
        if (!object.equals(key)) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + ".object] is [" + object
                    + "]: the definitions object maps each definition's own API name to it.");
        }
        ObjectDefinition.Builder builder;
        try {
            builder = ObjectDefinition.builder(object).label(label);
        } catch (IllegalArgumentException e) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + ".object]: " + e.getMessage());
        }
        Set<String> required = names(definition, "required", where);
        Set<String> filterable = names(definition, "filterable", where);
        Set<String> unique = names(definition, "unique", where);
        Set<String> auditable = names(definition, "auditable", where);
        flag(definition, "enableCreateRecordAuditing", where);
        flag(definition, "enableDeleteRecordAuditing", where);
        if (unique.size() > MAX_UNIQUE_FIELDS || auditable.size() > MAX_AUDITABLE_FIELDS) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + "]: at most " + MAX_UNIQUE_FIELDS
                    + " unique and " + MAX_AUDITABLE_FIELDS + " auditable fields.");
        }

        Set<String> declared = new LinkedHashSet<>();
        JsonNode properties = definition.get("properties");
        if (properties != null && !properties.isNull()) {
            if (!properties.isObject()) {
                throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + ".properties] must be an object.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                builder.field(field(name, property.getValue(), where + ".properties." + name,
                        required.contains(name), filterable.contains(name), unique.contains(name)));
                declared.add(name);
            }
        }
        requireDeclared(required, declared, where, "required");
        requireDeclared(filterable, declared, where, "filterable");
        requireDeclared(unique, declared, where, "unique");
        requireDeclared(auditable, declared, where, "auditable");
        relationships(definition, where, declared).forEach(builder::relationship);
        return builder.build();
    }

    private static FieldDefinition field(String name, JsonNode property, String where, boolean required,
            boolean filterable, boolean unique) {
        if (!property.isObject()) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + "] must be an object.");
        }
        if (Records.isSystemField(name)) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + "]: " + name
                    + " is a system field, which every object has; define custom fields only.");
        }
        String type = requiredText(property, "type", where);
        String label = requiredText(property, "label", where);
        String format = optionalText(property, "format", where);
        flag(property, "displayName", where);
        flag(property, "multiselect", where);
        FieldType fieldType = fieldType(type, format, where);
        try {
            FieldDefinition.Builder field = FieldDefinition.of(name, fieldType).label(label);
            if (format != null && fieldType == FieldType.STRING) {
                field.format(format);
            }
            JsonNode maxLength = property.get("maxLength");
            if (maxLength != null && !maxLength.isNull()) {
                if (!maxLength.isIntegralNumber()) {
                    throw invalid(ZuoraErrorCodes.INVALID_INTEGER, "[" + where + ".maxLength] must be an integer.");
                }
                field.maxLength(maxLength.intValue());
            }
            if (required) {
                field.required();
            }
            if (filterable) {
                field.filterable();
            }
            if (unique) {
                field.unique();
            }
            return field.build();
        } catch (IllegalArgumentException e) {
            // the builders' rules: the __c suffix, maxLength of strings only and at most 8,192
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + "]: " + e.getMessage());
        }
    }

    private static FieldType fieldType(String type, String format, String where) {
        switch (type) {
            case "string":
                if (FieldType.DATE.format().equals(format)) {
                    return FieldType.DATE;
                }
                return FieldType.DATETIME.format().equals(format) ? FieldType.DATETIME : FieldType.STRING;
            case "integer":
                return FieldType.INTEGER;
            case "number":
                return FieldType.NUMBER;
            case "boolean":
                return FieldType.BOOLEAN;
            default:
                throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + ".type] is [" + type
                        + "]: use string (with format date or date-time for dates), integer, number or boolean.");
        }
    }

    private static List<ObjectNode> relationships(JsonNode definition, String where, Set<String> declared) {
        JsonNode relationships = definition.get("relationships");
        if (relationships == null || relationships.isNull()) {
            return List.of();
        }
        if (!relationships.isArray() || relationships.size() > MAX_RELATIONSHIPS) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + ".relationships] must be an array of at most "
                    + MAX_RELATIONSHIPS + " relationships.");
        }
        List<ObjectNode> read = new ArrayList<>();
        for (int i = 0; i < relationships.size(); i++) {
            String at = where + ".relationships[" + i + "]";
            JsonNode relationship = relationships.get(i);
            if (!relationship.isObject()) {
                throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + at + "] must be an object.");
            }
            requiredText(relationship, "namespace", at);
            requiredText(relationship, "object", at);
            String cardinality = optionalText(relationship, "cardinality", at);
            if (cardinality != null && !"manyToOne".equals(cardinality)) {
                throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + at + ".cardinality] is [" + cardinality
                        + "]: a new definition can only have manyToOne relationships.");
            }
            JsonNode fields = relationship.get("fields");
            if (fields == null || !fields.isObject() || fields.isEmpty()) {
                throw invalid(ZuoraErrorCodes.MISSING_REQUIRED_FIELD, "Field [" + at + ".fields] is required: "
                        + "an object mapping this object's fields to the related object's.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> mapping = it.next();
                if (!mapping.getValue().isTextual()
                        || !(declared.contains(mapping.getKey()) || Records.isSystemField(mapping.getKey()))) {
                    throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + at + ".fields." + mapping.getKey()
                            + "] must map a field of the object to a field name of the related object.");
                }
            }
            JsonNode constraints = relationship.get("recordConstraints");
            if (constraints != null && !(constraints.isObject()
                    && (!constraints.has("create") || constraints.get("create").isObject()))) {
                throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + at + ".recordConstraints] must be an object "
                        + "such as {\"create\": {\"enforceValidMapping\": true}}.");
            }
            ObjectNode kept = ((ObjectNode) relationship).deepCopy();
            // the answer shows the defaults the request schema states
            kept.put("cardinality", "manyToOne");
            ObjectNode create = kept.withObject("/recordConstraints/create");
            flag(create, "enforceValidMapping", at + ".recordConstraints.create");
            if (!create.hasNonNull("enforceValidMapping")) {
                create.put("enforceValidMapping", true);
            }
            read.add(kept);
        }
        return read;
    }

    private static void requireDeclared(Set<String> names, Set<String> declared, String where, String list) {
        for (String name : names) {
            if (!declared.contains(name) && !Records.isSystemField(name)) {
                throw invalid(ZuoraErrorCodes.UNKNOWN_FIELD, "[" + where + "." + list + "] names [" + name
                        + "], which is not among the definition's properties.");
            }
        }
    }

    private static Set<String> names(JsonNode container, String member, String where) {
        JsonNode array = container.get(member);
        Set<String> names = new LinkedHashSet<>();
        if (array == null || array.isNull()) {
            return names;
        }
        if (!array.isArray()) {
            throw invalid(ZuoraErrorCodes.INVALID_VALUE, "[" + where + "." + member + "] must be an array of field names.");
        }
        for (JsonNode name : array) {
            if (!name.isTextual()) {
                throw invalid(ZuoraErrorCodes.INVALID_STRING, "[" + where + "." + member + "] must hold field names.");
            }
            names.add(name.textValue());
        }
        return names;
    }

    private static String requiredText(JsonNode container, String member, String where) {
        String text = optionalText(container, member, where);
        if (text == null || text.isBlank()) {
            throw invalid(ZuoraErrorCodes.MISSING_REQUIRED_FIELD, "Field [" + where + "." + member + "] is required.");
        }
        return text;
    }

    private static String optionalText(JsonNode container, String member, String where) {
        JsonNode value = container.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(ZuoraErrorCodes.INVALID_STRING, "Field [" + where + "." + member + "] must be a string.");
        }
        return value.textValue();
    }

    private static void flag(JsonNode container, String member, String where) {
        JsonNode value = container.get(member);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw invalid(ZuoraErrorCodes.INVALID_BOOLEAN, "Field [" + where + "." + member + "] must be a boolean.");
        }
    }

    private static InvalidRequestException invalid(int code, String message) {
        return new InvalidRequestException(code, message);
    }
}
