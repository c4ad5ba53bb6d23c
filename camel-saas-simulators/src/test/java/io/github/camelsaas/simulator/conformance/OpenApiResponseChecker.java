package io.github.camelsaas.simulator.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Checks an answer against an OpenAPI 3 description (JSON or YAML, read into plain maps).
 * <ul>
 * <li>The status is documented for the operation (or the operation has a {@code default} response). An error status
 * the operation does not document may instead be checked against a {@linkplain #withFallbackErrors fallback error
 * schema}, for vendors that document their error envelope on a few operations only.</li>
 * <li>The headers named in {@link #withRequiredHeaders} are present whenever the response documents them, within the
 * {@code minLength}/{@code maxLength} of their schema.</li>
 * <li>When the response documents a JSON body, the answer has one, and it has every property the schema marks
 * required, with the JSON type the schema declares (unless {@linkplain #withoutTypeChecks switched off}), at every
 * depth: {@code $ref}s (local ones) are resolved, {@code allOf} parts, {@code properties}, {@code additionalProperties}
 * schemas and {@code items} followed.</li>
 * </ul>
 * A null value counts as present and is neither type-checked nor descended into. Places are named JSONPath-like
 * ({@code $.data.attributes.custom}, {@code $.records[0].Id}); places matching one of the {@linkplain #withOpenPaths
 * open paths} are not descended into, for schemas that describe one example's contents rather than the type.
 * Formats and enums are not checked: vendors' own examples break some of their enums (e.g. Zuora's retryable 500
 * lists code 71012561, which the detail schema's enum lacks).
 */
public final class OpenApiResponseChecker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int MAX_REF_HOPS = 32;

    private final Map<String, Object> spec;
    private final List<Pattern> openPaths;
    private final Map<String, Object> fallbackErrorSchema;
    private final List<Pattern> fallbackOpenPaths;
    private final List<String> requiredHeaders;
    private final boolean checkTypes;
    private final List<Pattern> nullChecked;

    private OpenApiResponseChecker(Map<String, Object> spec, List<Pattern> openPaths,
            Map<String, Object> fallbackErrorSchema, List<Pattern> fallbackOpenPaths, List<String> requiredHeaders,
            boolean checkTypes, List<Pattern> nullChecked) {
        this.nullChecked = nullChecked;
        this.spec = spec;
        this.openPaths = openPaths;
        this.fallbackErrorSchema = fallbackErrorSchema;
        this.fallbackOpenPaths = fallbackOpenPaths;
        this.requiredHeaders = requiredHeaders;
        this.checkTypes = checkTypes;
    }

    /** Reads the description in {@code file}: YAML when it ends in {@code .yaml} or {@code .yml}, JSON otherwise. */
    @SuppressWarnings("unchecked")
    public static OpenApiResponseChecker load(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper reader = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        return new OpenApiResponseChecker(reader.readValue(file.toFile(), Map.class), List.of(), null, List.of(),
                List.of(), true, List.of());
    }

    /** A checker that does not descend into places matching {@code patterns} (see the class comment). */
    public OpenApiResponseChecker withOpenPaths(List<Pattern> patterns) {
        return new OpenApiResponseChecker(spec, List.copyOf(patterns), fallbackErrorSchema, fallbackOpenPaths,
                requiredHeaders, checkTypes, nullChecked);
    }

    /** A checker that checks undocumented error statuses (400 and up) against {@code schema}, open at {@code open}. */
    public OpenApiResponseChecker withFallbackErrors(Map<String, Object> schema, List<Pattern> open) {
        return new OpenApiResponseChecker(spec, openPaths, schema, List.copyOf(open), requiredHeaders, checkTypes,
                nullChecked);
    }

    /** A checker that requires these headers wherever a response documents them. */
    public OpenApiResponseChecker withRequiredHeaders(String... names) {
        return new OpenApiResponseChecker(spec, openPaths, fallbackErrorSchema, fallbackOpenPaths, List.of(names),
                checkTypes, nullChecked);
    }

    /**
     * A checker that does not check the schemas' JSON {@code type}s (required properties still at every depth), for
     * descriptions whose types were derived from examples rather than written.
     */
    public OpenApiResponseChecker withoutTypeChecks() {
        return new OpenApiResponseChecker(spec, openPaths, fallbackErrorSchema, fallbackOpenPaths, requiredHeaders,
                false, nullChecked);
    }

    /**
     * A checker that refuses a null at the places matching {@code patterns} unless the schema there says
     * {@code nullable: true} (elsewhere a null counts as present, see the class comment).
     */
    public OpenApiResponseChecker withNullChecksAt(List<Pattern> patterns) {
        return new OpenApiResponseChecker(spec, openPaths, fallbackErrorSchema, fallbackOpenPaths, requiredHeaders,
                checkTypes, List.copyOf(patterns));
    }

    /** The JSON schema documented for {@code status} of an operation; fails when there is none. */
    public Map<String, Object> responseSchema(String method, String specPath, int status) {
        Map<String, Object> operation = operation(method, specPath);
        Map<String, Object> responses = operation == null ? null : map(resolve(operation.get("responses")));
        Map<String, Object> schema = responses == null ? null
                : jsonSchema(map(resolve(responses.get(String.valueOf(status)))));
        if (schema == null) {
            throw new IllegalArgumentException(
                    "the description documents no JSON body for " + status + " of " + method + " " + specPath);
        }
        return schema;
    }

    /** What is wrong with an answer without headers; empty when it conforms. */
    public List<String> problems(String method, String specPath, int status, JsonNode body) {
        return problems(method, specPath, status, body, name -> null);
    }

    /**
     * What is wrong with this answer to {@code method specPath} (the path as the description writes it); empty when
     * it conforms. {@code body} is null when the answer has none; {@code header} answers a header's value or null.
     */
    public List<String> problems(String method, String specPath, int status, JsonNode body,
            Function<String, String> header) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> operation = operation(method, specPath);
        if (operation == null) {
            problems.add(method + " " + specPath + " is not in the description");
            return problems;
        }
        Map<String, Object> responses = map(resolve(operation.get("responses")));
        Object documented = responses.get(String.valueOf(status));
        Map<String, Object> response = map(resolve(documented != null ? documented : responses.get("default")));
        if (response == null) {
            if (status >= 400 && fallbackErrorSchema != null) {
                checkValue(fallbackErrorSchema, body, "$", fallbackOpenPaths, problems);
            } else {
                problems.add("status " + status + " is not documented for " + method + " " + specPath
                        + " (documented: " + responses.keySet() + ")");
            }
            return problems;
        }
        checkHeaders(map(response.get("headers")), header, problems);
        Map<String, Object> schema = jsonSchema(response);
        if (schema != null) {
            if (body == null) {
                problems.add("status " + status + " documents a JSON body, the answer has none");
            } else {
                checkValue(schema, body, "$", openPaths, problems);
            }
        }
        return problems;
    }

    /** {@code value} (Maps, Lists, Strings, numbers...) as a JSON tree; null stays null (no body). */
    public static JsonNode json(Object value) {
        return value == null ? null : JSON.valueToTree(value);
    }

    private Map<String, Object> operation(String method, String specPath) {
        Map<String, Object> pathItem = map(resolve(map(spec.get("paths")).get(specPath)));
        return pathItem == null ? null : map(resolve(pathItem.get(method.toLowerCase(Locale.ROOT))));
    }

    /** The JSON schema of a response object, or null when it documents no JSON body. */
    private Map<String, Object> jsonSchema(Map<String, Object> response) {
        Map<String, Object> content = response == null ? null : map(response.get("content"));
        Map<String, Object> json = content == null ? null : map(content.get("application/json"));
        return json == null ? null : map(resolve(json.get("schema")));
    }

    private void checkHeaders(Map<String, Object> documented, Function<String, String> header, List<String> problems) {
        if (documented == null) {
            return;
        }
        for (String name : requiredHeaders) {
            Map<String, Object> definition = map(resolve(documented.get(name)));
            if (definition == null) {
                continue;
            }
            String value = header.apply(name);
            Map<String, Object> schema = map(resolve(definition.get("schema")));
            Object min = schema == null ? null : schema.get("minLength");
            Object max = schema == null ? null : schema.get("maxLength");
            if (value == null) {
                problems.add("header " + name + " is missing");
            } else if ((min instanceof Number n && value.length() < n.intValue())
                    || (max instanceof Number x && value.length() > x.intValue())) {
                problems.add("header " + name + " should have " + (min == null ? 0 : min) + " to "
                        + (max == null ? "any" : max) + " characters: " + value);
            }
        }
    }

    private void checkValue(Object schemaNode, JsonNode value, String where, List<Pattern> open,
            List<String> problems) {
        Map<String, Object> schema = map(resolve(schemaNode));
        if (schema != null && value != null && value.isNull() && !Boolean.TRUE.equals(schema.get("nullable"))
                && nullChecked.stream().anyMatch(p -> p.matcher(where).matches())) {
            problems.add(where + " is null, which its schema does not allow");
            return;
        }
        if (schema == null || value == null || value.isNull()
                || open.stream().anyMatch(p -> p.matcher(where).matches())) {
            return;
        }
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> checkValue(part, value, where, open, problems));
        }
        if (checkTypes && schema.get("type") instanceof String type && !hasType(value, type)) {
            problems.add(where + " should be " + type + " but is " + value.getNodeType() + ": " + abbreviate(value));
            return;
        }
        if (value.isObject()) {
            checkObject(schema, value, where, open, problems);
        } else if (value.isArray() && schema.get("items") != null) {
            for (int i = 0; i < value.size(); i++) {
                checkValue(schema.get("items"), value.get(i), where + "[" + i + "]", open, problems);
            }
        }
    }

    private void checkObject(Map<String, Object> schema, JsonNode value, String where, List<Pattern> open,
            List<String> problems) {
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!value.has((String) name)) {
                    problems.add("missing required " + where + "." + name);
                }
            }
        }
        Map<String, Object> properties = map(schema.get("properties"));
        Object additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = where + "." + field.getKey();
            if (properties != null && properties.containsKey(field.getKey())) {
                checkValue(properties.get(field.getKey()), field.getValue(), path, open, problems);
            } else if (additional instanceof Map) {
                checkValue(additional, field.getValue(), path, open, problems);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    /** Follows local {@code $ref}s ({@code #/components/...}) to the node they name. */
    private Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; current instanceof Map<?, ?> object && object.get("$ref") instanceof String ref; hops++) {
            if (hops > MAX_REF_HOPS || !ref.startsWith("#/")) {
                throw new IllegalStateException("cannot resolve $ref " + ref + " (only local ones are supported)");
            }
            Object target = spec;
            for (String token : ref.substring(2).split("/")) {
                Map<String, Object> parent = map(target);
                target = parent == null ? null : parent.get(token.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : null;
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
