package io.github.camelsaas.simulator.zuora;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The records of every custom object, by object API name. Thread-safe. */
final class RecordStore {

    private final ConcurrentHashMap<String, ObjectRecords> byObject = new ConcurrentHashMap<>();

    /** The records of {@code object}, created empty on first use. */
    ObjectRecords of(String object) {
        return byObject.computeIfAbsent(object, o -> new ObjectRecords());
    }

    /** The records of {@code object} if any were ever written. */
    Optional<ObjectRecords> find(String object) {
        return Optional.ofNullable(byObject.get(object));
    }

    void clear() {
        byObject.values().forEach(ObjectRecords::clear);
        byObject.clear();
    }
}
