package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The custom object definitions of the simulated tenant, by API name. Optionally accepts unknown objects by
 * registering an {@link ObjectDefinition#open open} definition on first use, which a {@link #forgetAutoRegistered
 * reset} forgets again. Thread-safe.
 */
final class DefinitionRegistry {

    private final ConcurrentSkipListMap<String, ObjectDefinition> definitions = new ConcurrentSkipListMap<>();
    private final Set<String> autoRegistered = ConcurrentHashMap.newKeySet();
    private volatile boolean acceptUnknownObjects;

    void register(ObjectDefinition definition) {
        definitions.put(definition.name(), definition);
        autoRegistered.remove(definition.name());
    }

    /** The definition of {@code object}; registers an open one first if unknown objects are accepted. */
    Optional<ObjectDefinition> resolve(String object) {
        ObjectDefinition known = definitions.get(object);
        if (known != null || !acceptUnknownObjects) {
            return Optional.ofNullable(known);
        }
        return Optional.of(definitions.computeIfAbsent(object, name -> {
            autoRegistered.add(name);
            return ObjectDefinition.open(name);
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
