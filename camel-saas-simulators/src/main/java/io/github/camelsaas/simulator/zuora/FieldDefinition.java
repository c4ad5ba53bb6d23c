package io.github.camelsaas.simulator.zuora;

import java.util.Objects;

/**
 * One custom field of a custom object definition: name, type and the constraints the simulator enforces on
 * records (required, maximum length) and on queries (filterable), plus uniqueness.
 *
 * <pre>{@code
 * FieldDefinition.string("DeviceId__c").maxLength(20).required().filterable()
 * }</pre>
 */
public final class FieldDefinition {

    /** What Zuora gives a text field when its definition names no maximum length. */
    public static final int DEFAULT_TEXT_MAX_LENGTH = 255;
    /** The longest text Zuora stores in a custom field (long text). */
    public static final int MAX_TEXT_LENGTH = 8_192;
    /** Zuora's naming rule for custom fields: the API name ends with {@code __c}. */
    public static final String CUSTOM_FIELD_SUFFIX = "__c";

    private final String name;
    private final FieldType type;
    private final String label;
    private final int maxLength;
    private final String format;
    private final boolean required;
    private final boolean filterable;
    private final boolean unique;

    private FieldDefinition(Builder builder) {
        this.name = builder.name;
        this.type = builder.type;
        this.label = builder.label == null ? builder.name : builder.label;
        this.maxLength = builder.type == FieldType.STRING ? builder.maxLength : 0;
        this.format = builder.format != null ? builder.format : builder.type.format();
        this.required = builder.required;
        this.filterable = builder.filterable;
        this.unique = builder.unique;
    }

    public static Builder of(String name, FieldType type) {
        return new Builder(name, type);
    }

    public static Builder string(String name) {
        return of(name, FieldType.STRING);
    }

    public static Builder integer(String name) {
        return of(name, FieldType.INTEGER);
    }

    public static Builder number(String name) {
        return of(name, FieldType.NUMBER);
    }

    public static Builder bool(String name) {
        return of(name, FieldType.BOOLEAN);
    }

    public static Builder date(String name) {
        return of(name, FieldType.DATE);
    }

    public static Builder dateTime(String name) {
        return of(name, FieldType.DATETIME);
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public String label() {
        return label;
    }

    /** The maximum length of a {@link FieldType#STRING} field in characters; 0 for other types. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The JSON schema {@code format} a definition shows: the type's ({@code date}, {@code date-time}), or the one
     * declared for a string field (e.g. {@code uuid}, {@code email}; shown, not checked on records); null for none.
     */
    public String format() {
        return format;
    }

    public boolean required() {
        return required;
    }

    /** Whether the field may appear in the {@code q} filter of a query. */
    public boolean filterable() {
        return filterable;
    }

    /** Whether two records of the object may not share a (non-null) value of this field. */
    public boolean unique() {
        return unique;
    }

    @Override
    public String toString() {
        return name + ":" + type;
    }

    /** Builds a {@link FieldDefinition}; every constraint is off unless set. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private int maxLength = DEFAULT_TEXT_MAX_LENGTH;
        private String format;
        private boolean required;
        private boolean filterable;
        private boolean unique;

        private Builder(String name, FieldType type) {
            Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            if (!name.endsWith(CUSTOM_FIELD_SUFFIX) || name.length() == CUSTOM_FIELD_SUFFIX.length()) {
                throw new IllegalArgumentException(
                        "a custom field's API name must end with " + CUSTOM_FIELD_SUFFIX + ", was " + name);
            }
            this.name = name;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** For string fields only: 1 to {@value FieldDefinition#MAX_TEXT_LENGTH} characters. */
        public Builder maxLength(int maxLength) {
            if (type != FieldType.STRING) {
                throw new IllegalArgumentException("maxLength applies to string fields only, " + name + " is " + type);
            }
            if (maxLength < 1 || maxLength > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException(
                        "maxLength must be between 1 and " + MAX_TEXT_LENGTH + ", was " + maxLength);
            }
            this.maxLength = maxLength;
            return this;
        }

        /**
         * For string fields only: a format to show in the definition, such as {@code uuid} or {@code email}; dates
         * and date-times are types of their own ({@link FieldDefinition#date}, {@link FieldDefinition#dateTime}).
         */
        public Builder format(String format) {
            if (type != FieldType.STRING) {
                throw new IllegalArgumentException("a format applies to string fields only, " + name + " is " + type);
            }
            if (FieldType.DATE.format().equals(format) || FieldType.DATETIME.format().equals(format)) {
                throw new IllegalArgumentException("a " + format + " field is of type " + FieldType.DATE + " or "
                        + FieldType.DATETIME + ", not a string with a format: " + name);
            }
            this.format = format;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder filterable() {
            this.filterable = true;
            return this;
        }

        public Builder unique() {
            this.unique = true;
            return this;
        }

        public FieldDefinition build() {
            return new FieldDefinition(this);
        }
    }
}
