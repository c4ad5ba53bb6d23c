package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an answer against an OpenAPI description read into Maps: the status is documented for the operation, and
 * the body carries every property the response schema marks required, at every depth ({@code $ref}s resolved,
 * {@code allOf} followed). A null value counts as present and is not descended into. Paths matching one of the
 * {@code openPaths} (e.g. {@code data.attributes.custom}) are not descended into either: there the schema describes
 * one example's contents rather than the type. An error status the operation does not document is checked against
 * the fallback error envelope, since a vendor documents errors on a few operations only.
 */
final class OpenApiResponseChecker {

    private final Map<String, Object> spec;
    private final List<Pattern> openPaths;
    private final Map<String, Object> fallbackErrorSchema;
    private final List<Pattern> fallbackOpenPaths;

    OpenApiResponseChecker(Map<String, Object> spec, List<Pattern> openPaths, Map<String, Object> fallbackErrorSchema,
            List<Pattern> fallbackOpenPaths) {
        this.spec = spec;
        this.openPaths = openPaths;
        this.fallbackErrorSchema = fallbackErrorSchema;
        this.fallbackOpenPaths = fallbackOpenPaths;
    }

    /** The operation at {@code specPath} (as written in the spec's paths) for {@code method}; fails when absent. */
    Map<String, Object> operation(String method, String specPath) {
        Map<String, Object> pathItem = map(resolve(map(spec.get("paths")).get(specPath)));
        if (pathItem == null || pathItem.get(method.toLowerCase()) == null) {
            throw new IllegalArgumentException("the spec has no operation " + method + " " + specPath);
        }
        return map(resolve(pathItem.get(method.toLowerCase())));
    }

    /** What is wrong with this answer, empty when nothing. */
    List<String> problems(String method, String specPath, int status, Object body) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> responses = map(resolve(operation(method, specPath).get("responses")));
        Object documented = responses.get(String.valueOf(status));
        if (documented == null) {
            if (status < 400) {
                problems.add("status " + status + " is not documented for " + method + " " + specPath
                        + " (documented: " + responses.keySet() + ")");
            } else {
                check(fallbackErrorSchema, body, "", fallbackOpenPaths, problems);
            }
            return problems;
        }
        Map<String, Object> schema = jsonSchema(map(resolve(documented)));
        if (schema != null) {
            if (body == null) {
                problems.add("status " + status + " documents a JSON body, the answer has none");
            } else {
                check(schema, body, "", openPaths, problems);
            }
        }
        return problems;
    }

    /** The JSON schema of a response object, or null when it documents no JSON body. */
    Map<String, Object> jsonSchema(Map<String, Object> response) {
        Map<String, Object> content = map(response.get("content"));
        if (content == null || content.get("application/json") == null) {
            return null;
        }
        return map(resolve(map(content.get("application/json")).get("schema")));
    }

    private void check(Object schemaNode, Object value, String path, List<Pattern> open, List<String> problems) {
        Map<String, Object> schema = map(resolve(schemaNode));
        if (schema == null || value == null || open.stream().anyMatch(p -> p.matcher(path).matches())) {
            return;
        }
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> check(part, value, path, open, problems));
        }
        if (value instanceof Map<?, ?> object) {
            if (schema.get("required") instanceof List<?> required) {
                for (Object name : required) {
                    if (!object.containsKey(name)) {
                        problems.add("missing required " + (path.isEmpty() ? "" : path + ".") + name);
                    }
                }
            }
            Map<String, Object> properties = map(schema.get("properties"));
            if (properties != null) {
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    if (object.containsKey(property.getKey())) {
                        check(property.getValue(), object.get(property.getKey()),
                                (path.isEmpty() ? "" : path + ".") + property.getKey(), open, problems);
                    }
                }
            }
        } else if (value instanceof List<?> items && schema.get("items") != null) {
            for (Object item : items) {
                check(schema.get("items"), item, path + "[]", open, problems);
            }
        }
    }

    /** Follows local {@code $ref}s ({@code #/components/...}) to the node they name. */
    Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; current instanceof Map<?, ?> map && map.get("$ref") instanceof String ref; hops++) {
            if (hops > 32 || !ref.startsWith("#/")) {
                throw new IllegalStateException("cannot resolve $ref " + ref);
            }
            Object target = spec;
            for (String token : ref.substring(2).split("/")) {
                target = map(target).get(token.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
