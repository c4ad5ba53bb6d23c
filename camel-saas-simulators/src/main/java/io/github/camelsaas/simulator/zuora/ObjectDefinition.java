package io.github.camelsaas.simulator.zuora;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A custom object definition: the object's API name and its custom fields. The simulator validates records
 * against it and answers it on {@code GET /objects/definitions/default[/{object}]}.
 *
 * <pre>{@code
 * ObjectDefinition vehicle = ObjectDefinition.builder("Vehicle")
 *         .field(FieldDefinition.string("DeviceId__c").maxLength(20).required().filterable())
 *         .field(FieldDefinition.integer("Seats__c"))
 *         .build();
 * }</pre>
 *
 * {@link #open(String)} makes a definition that accepts any field of any type, for tests that do not care about
 * the schema. {@link ZuoraSimulator#registerDefinitions(String)} and {@code POST /objects/definitions/default} make
 * them from Zuora's JSON.
 */
public final class ObjectDefinition {

    private static final Pattern OBJECT_NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** System fields Zuora lets a query filter on whatever the definition says (see its definition examples). */
    private static final Set<String> FILTERABLE_SYSTEM_FIELDS = Set.of("Id", "CreatedDate", "UpdatedDate");

    private final String name;
    private final String label;
    private final Map<String, FieldDefinition> fields;
    private final boolean acceptsAnyField;
    /** Shown in the definition as given, not enforced on records (copies: never changed once built). */
    private final List<ObjectNode> relationships;
    private final String id = UUID.randomUUID().toString();
    private final Instant createdAt = Instant.now();

    private ObjectDefinition(String name, String label, Map<String, FieldDefinition> fields, boolean acceptsAnyField,
            List<ObjectNode> relationships) {
        this.name = name;
        this.label = label == null ? name : label;
        this.fields = fields;
        this.acceptsAnyField = acceptsAnyField;
        this.relationships = relationships;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A definition with no declared field that accepts records with any fields (empty strings still rejected). */
    public static ObjectDefinition open(String name) {
        return new ObjectDefinition(checkName(name), null, Map.of(), true, List.of());
    }

    /**
     * An {@link #open} definition that shows {@code seen} as its fields: what the simulator defines on the fly, in
     * its accept-any-object mode, from the records of the first create. Records may still carry any field.
     */
    static ObjectDefinition openWithFields(String name, List<FieldDefinition> seen) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        seen.forEach(field -> fields.putIfAbsent(field.name(), field));
        return new ObjectDefinition(checkName(name), null, Collections.unmodifiableMap(fields), true, List.of());
    }

    /** The object's API name (case-sensitive), the {@code {object}} of the record paths. */
    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    /** The declared custom fields, in declaration order. */
    public Collection<FieldDefinition> fields() {
        return fields.values();
    }

    public Optional<FieldDefinition> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    /** True for {@link #open} definitions: no field is unknown, no type is checked. */
    public boolean acceptsAnyField() {
        return acceptsAnyField;
    }

    /** The relationships the definition was given ({@code schema.relationships} of Zuora's JSON), as given. */
    List<ObjectNode> relationships() {
        return relationships;
    }

    /** Whether a query's {@code q} may filter on this field. */
    public boolean isFilterable(String fieldName) {
        if (acceptsAnyField || FILTERABLE_SYSTEM_FIELDS.contains(fieldName)) {
            return true;
        }
        FieldDefinition field = fields.get(fieldName);
        return field != null && field.filterable();
    }

    /** Whether the field is known to this definition (always true for open definitions). */
    public boolean knows(String fieldName) {
        return acceptsAnyField || fields.containsKey(fieldName) || Records.isSystemField(fieldName);
    }

    /** The generated Id of the definition itself, as {@code GET /objects/definitions} shows it. */
    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return name + (acceptsAnyField ? "(open)" : fields.values().toString());
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!OBJECT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "an object API name has letters, digits and underscores only, was '" + name + "'");
        }
        return name;
    }

    /** Builds an {@link ObjectDefinition}. */
    public static final class Builder {
        private final String name;
        private String label;
        private final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        private final List<ObjectNode> relationships = new ArrayList<>();

        private Builder(String name) {
            this.name = checkName(name);
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder field(FieldDefinition.Builder field) {
            return field(field.build());
        }

        public Builder field(FieldDefinition field) {
            if (fields.putIfAbsent(field.name(), field) != null) {
                throw new IllegalArgumentException("field " + field.name() + " is defined twice in " + name);
            }
            return this;
        }

        public Builder fields(List<FieldDefinition> definitions) {
            definitions.forEach(this::field);
            return this;
        }

        /** A relationship as Zuora's definition JSON writes it; shown in the definition, not enforced. */
        Builder relationship(ObjectNode relationship) {
            relationships.add(relationship.deepCopy());
            return this;
        }

        public ObjectDefinition build() {
            return new ObjectDefinition(name, label, Collections.unmodifiableMap(new LinkedHashMap<>(fields)), false,
                    List.copyOf(relationships));
        }
    }
}
