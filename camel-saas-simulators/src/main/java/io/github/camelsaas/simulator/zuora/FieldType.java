package io.github.camelsaas.simulator.zuora;

/**
 * The data type of a custom field, as a custom object definition declares it. Dates and date-times are strings
 * with a format in Zuora's JSON schema, which is how {@link #jsonType()} and {@link #format()} render them.
 */
public enum FieldType {
    STRING("string", null),
    INTEGER("integer", null),
    NUMBER("number", null),
    BOOLEAN("boolean", null),
    /** An ISO-8601 calendar date, e.g. {@code 2024-07-09}. */
    DATE("string", "date"),
    /** An ISO-8601 date-time with an offset, e.g. {@code 2024-07-09T06:41:17.377Z}. */
    DATETIME("string", "date-time");

    private final String jsonType;
    private final String format;

    FieldType(String jsonType, String format) {
        this.jsonType = jsonType;
        this.format = format;
    }

    /** The JSON schema {@code type} of the field in a definition. */
    public String jsonType() {
        return jsonType;
    }

    /** The JSON schema {@code format}, or null when the type alone says it all. */
    public String format() {
        return format;
    }
}
