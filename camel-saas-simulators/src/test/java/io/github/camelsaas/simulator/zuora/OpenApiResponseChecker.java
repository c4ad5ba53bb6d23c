package io.github.camelsaas.simulator.zuora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks an answer against an OpenAPI 3 description read as plain maps: the status must be documented for the
 * operation, and the JSON body must have the properties the response schema marks required, with the JSON types
 * it declares, recursively through {@code $ref}, {@code allOf}, {@code properties}, {@code additionalProperties}
 * and {@code items}. Formats and enums are not checked: Zuora's own examples break some of its enums (e.g. the
 * retryable 500 lists code 71012561, which the detail schema's enum lacks).
 */
final class OpenApiResponseChecker {

    private final Map<String, Object> root;

    private OpenApiResponseChecker(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static OpenApiResponseChecker load(Path yaml) throws IOException {
        return new OpenApiResponseChecker(new YAMLMapper().readValue(yaml.toFile(), Map.class));
    }

    /** What is wrong with this answer to {@code METHOD pathTemplate}; empty when it conforms. */
    List<String> check(String method, String pathTemplate, int status, JsonNode body, String requestIdHeader) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> operation = map(map(root.get("paths")).get(pathTemplate));
        operation = operation == null ? null : map(operation.get(method.toLowerCase(Locale.ROOT)));
        if (operation == null) {
            problems.add(method + " " + pathTemplate + " is not in the description");
            return problems;
        }
        Map<String, Object> responses = map(operation.get("responses"));
        Map<String, Object> response = resolve(map(responses.getOrDefault(String.valueOf(status), responses.get("default"))));
        if (response == null) {
            problems.add("status " + status + " is not documented for " + method + " " + pathTemplate
                    + " (documented: " + responses.keySet() + ")");
            return problems;
        }
        Map<String, Object> headers = map(response.get("headers"));
        if (headers != null && headers.containsKey("Zuora-Request-Id")) {
            Map<String, Object> schema = map(resolve(map(headers.get("Zuora-Request-Id"))).get("schema"));
            Object length = schema == null ? null : schema.get("maxLength");
            if (requestIdHeader == null || (length != null && requestIdHeader.length() != (Integer) length)) {
                problems.add("Zuora-Request-Id header missing or not " + length + " characters: " + requestIdHeader);
            }
        }
        Map<String, Object> content = map(response.get("content"));
        Map<String, Object> json = content == null ? null : map(content.get("application/json"));
        if (json != null && json.get("schema") != null) {
            checkValue(map(json.get("schema")), body, "$", problems);
        }
        return problems;
    }

    private void checkValue(Map<String, Object> rawSchema, JsonNode value, String where, List<String> problems) {
        Map<String, Object> schema = resolve(rawSchema);
        if (schema == null || value == null) {
            return;
        }
        Object allOf = schema.get("allOf");
        if (allOf instanceof List) {
            for (Object part : (List<?>) allOf) {
                checkValue(map(part), value, where, problems);
            }
        }
        Object type = schema.get("type");
        if (type != null && !value.isNull() && !hasType(value, (String) type)) {
            problems.add(where + " should be " + type + " but is " + value.getNodeType() + ": " + abbreviate(value));
            return;
        }
        if (value.isObject()) {
            checkObject(schema, value, where, problems);
        } else if (value.isArray() && schema.get("items") != null) {
            for (int i = 0; i < value.size(); i++) {
                checkValue(map(schema.get("items")), value.get(i), where + "[" + i + "]", problems);
            }
        }
    }

    private void checkObject(Map<String, Object> schema, JsonNode value, String where, List<String> problems) {
        Object required = schema.get("required");
        if (required instanceof List) {
            for (Object name : (List<?>) required) {
                if (!value.has((String) name)) {
                    problems.add(where + " lacks required property " + name);
                }
            }
        }
        Map<String, Object> properties = map(schema.get("properties"));
        Object additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = where + "." + field.getKey();
            if (properties != null && properties.containsKey(field.getKey())) {
                checkValue(map(properties.get(field.getKey())), field.getValue(), path, problems);
            } else if (additional instanceof Map) {
                checkValue(map(additional), field.getValue(), path, problems);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            default:
                return true;
        }
    }

    /** Follows {@code $ref: '#/components/...'} until a schema without one. */
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        while (current != null && current.get("$ref") instanceof String) {
            String ref = (String) current.get("$ref");
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            Object target = root;
            for (String part : ref.substring(2).split("/")) {
                target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
            }
            current = map(target);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
