package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The custom object definitions of the simulated tenant, by API name. Optionally accepts unknown objects by
 * registering an {@link ObjectDefinition#open open} definition on first use (showing the fields of the records that
 * first use created), which a {@link #forgetAutoRegistered reset} forgets again. Thread-safe.
 */
final class DefinitionRegistry {

    private final ConcurrentSkipListMap<String, ObjectDefinition> definitions = new ConcurrentSkipListMap<>();
    private final Set<String> autoRegistered = ConcurrentHashMap.newKeySet();
    private volatile boolean acceptUnknownObjects;

    synchronized void register(ObjectDefinition definition) {
        definitions.put(definition.name(), definition);
        autoRegistered.remove(definition.name());
    }

    /**
     * Defines new objects, as {@code POST /objects/definitions/default} does: all of them, or none when one of them
     * is defined already (an auto-registered one included: it exists as far as clients can see).
     *
     * @throws InvalidRequestException naming the first object already defined
     */
    synchronized void defineAll(List<ObjectDefinition> newDefinitions) {
        for (ObjectDefinition definition : newDefinitions) {
            if (definitions.containsKey(definition.name())) {
                throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE, "Custom object definition ["
                        + definition.name() + "] already exists.");
            }
        }
        newDefinitions.forEach(this::register);
    }

    /** The definition of {@code object}; registers an open one first if unknown objects are accepted. */
    Optional<ObjectDefinition> resolve(String object) {
        return resolve(object, List::of);
    }

    /**
     * As {@link #resolve(String)}; an open definition registered now shows {@code seenFields} (the fields of the
     * records that made it), computed only then.
     */
    Optional<ObjectDefinition> resolve(String object, Supplier<List<FieldDefinition>> seenFields) {
        ObjectDefinition known = definitions.get(object);
        if (known != null || !acceptUnknownObjects) {
            return Optional.ofNullable(known);
        }
        return Optional.of(definitions.computeIfAbsent(object, name -> {
            autoRegistered.add(name);
            return ObjectDefinition.openWithFields(name, seenFields.get());
        }));
    }

    /** The registered definition of {@code object}, without registering anything. */
    Optional<ObjectDefinition> find(String object) {
        return Optional.ofNullable(definitions.get(object));
    }

    /** Whether records of {@code object} can exist: it has a definition, or unknown objects are accepted. */
    boolean accepts(String object) {
        return acceptUnknownObjects || definitions.containsKey(object);
    }

    /** Every definition, by name. */
    List<ObjectDefinition> all() {
        return new ArrayList<>(definitions.values());
    }

    void setAcceptUnknownObjects(boolean accept) {
        this.acceptUnknownObjects = accept;
    }

    boolean acceptsUnknownObjects() {
        return acceptUnknownObjects;
    }

    void forgetAutoRegistered() {
        autoRegistered.forEach(definitions::remove);
        autoRegistered.clear();
    }

    void clear() {
        definitions.clear();
        autoRegistered.clear();
        acceptUnknownObjects = false;
    }
}
