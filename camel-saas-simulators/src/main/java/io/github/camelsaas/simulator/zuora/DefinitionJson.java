package io.github.camelsaas.simulator.zuora;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders definitions in the shape of the spec's {@code CustomObjectDefinition}. */
final class DefinitionJson {

    /** Who "created" the definitions: the simulator has no users, so one fixed id stands for the admin. */
    static final String DEFINITION_OWNER_ID = "00000000-0000-4000-8000-000000000001";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefinitionJson() {
    }

    /** {@code {"count": n, "definitions": {name: definition}}}; with {@code typesOnly}, each definition is just its type. */
    static ObjectNode list(List<ObjectDefinition> definitions, boolean typesOnly) {
        ObjectNode byName = NODES.objectNode();
        for (ObjectDefinition definition : definitions) {
            byName.set(definition.name(),
                    typesOnly ? NODES.objectNode().put("type", definition.name()) : definition(definition));
        }
        ObjectNode body = NODES.objectNode();
        body.put("count", definitions.size());
        body.set("definitions", byName);
        return body;
    }

    static ObjectNode definition(ObjectDefinition definition) {
        String created = Records.timestamp(definition.createdAt());
        ObjectNode body = NODES.objectNode();
        body.put("Id", definition.id());
        body.put("type", definition.name());
        body.put("CreatedById", DEFINITION_OWNER_ID);
        body.put("UpdatedById", DEFINITION_OWNER_ID);
        body.put("CreatedDate", created);
        body.put("UpdatedDate", created);
        body.set("schema", schema(definition));
        return body;
    }

    private static ObjectNode schema(ObjectDefinition definition) {
        ObjectNode schema = NODES.objectNode();
        schema.put("object", definition.name());
        schema.put("label", definition.label());
        schema.put("type", "object");
        schema.put("enableCreateRecordAuditing", false);
        schema.put("enableDeleteRecordAuditing", false);

        ObjectNode properties = schema.putObject("properties");
        systemField(properties, Records.ID, "uuid");
        systemField(properties, Records.CREATED_BY_ID, null);
        systemField(properties, Records.UPDATED_BY_ID, null);
        systemField(properties, Records.CREATED_DATE, "date-time");
        systemField(properties, Records.UPDATED_DATE, "date-time");

        ArrayNode required = schema.putArray("required");
        List.of(Records.ID, Records.CREATED_BY_ID, Records.UPDATED_BY_ID, Records.CREATED_DATE, Records.UPDATED_DATE)
                .forEach(required::add);
        ArrayNode filterable = schema.putArray("filterable");
        ArrayNode unique = schema.putArray("unique");
        for (FieldDefinition field : definition.fields()) {
            ObjectNode property = properties.putObject(field.name());
            property.put("type", field.type().jsonType());
            if (field.format() != null) {
                property.put("format", field.format());
            }
            if (field.maxLength() > 0) {
                property.put("maxLength", field.maxLength());
            }
            property.put("label", field.label());
            property.put("origin", "custom");
            if (field.required()) {
                required.add(field.name());
            }
            if (field.filterable()) {
                filterable.add(field.name());
            }
            if (field.unique()) {
                unique.add(field.name());
            }
        }
        List.of(Records.ID, Records.CREATED_DATE, Records.UPDATED_DATE).forEach(filterable::add);
        schema.putArray("relationships").addAll(definition.relationships());
        return schema;
    }

    private static void systemField(ObjectNode properties, String name, String format) {
        ObjectNode property = properties.putObject(name);
        property.put("type", "string");
        if (format != null) {
            property.put("format", format);
        }
        property.put("label", name);
        property.put("origin", "system");
    }
}
