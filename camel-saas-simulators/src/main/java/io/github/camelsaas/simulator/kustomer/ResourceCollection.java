package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The records of one kind (or one klass), in creation order, with an index by external id that can be kept unique.
 * Every method holds the collection's lock, so a uniqueness check and the insert it guards are one step.
 */
final class ResourceCollection {

    /** Thrown when an external id is already taken; {@code index} is the offending item of a batch (0 for one record). */
    static final class DuplicateExternalIdException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;
        final String externalId;

        DuplicateExternalIdException(int index, String externalId) {
            super("externalId '" + externalId + "' is already used", null, false, false);
            this.index = index;
            this.externalId = externalId;
        }
    }

    private final boolean uniqueExternalIds;
    private final Map<String, StoredObject> byId = new LinkedHashMap<>();
    private final Map<String, String> idByExternalId = new HashMap<>();

    ResourceCollection(boolean uniqueExternalIds) {
        this.uniqueExternalIds = uniqueExternalIds;
    }

    synchronized Optional<StoredObject> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The record with this external id; without a unique index, the first created. */
    synchronized Optional<StoredObject> byExternalId(String externalId) {
        String id = idByExternalId.get(externalId);
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    synchronized void insert(StoredObject record) {
        insertAll(List.of(record));
    }

    /** Throws when one of these records would take an external id already taken (or repeated in the batch). */
    synchronized void checkExternalIds(List<StoredObject> records) {
        if (!uniqueExternalIds) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String externalId = records.get(i).externalId();
            if (externalId != null && (idByExternalId.containsKey(externalId) || seen.put(externalId, i) != null)) {
                throw new DuplicateExternalIdException(i, externalId);
            }
        }
    }

    /** Inserts all or none: a taken (or repeated) external id rejects the whole batch. */
    synchronized void insertAll(List<StoredObject> records) {
        checkExternalIds(records);
        for (StoredObject record : records) {
            byId.put(record.id(), record);
            if (record.externalId() != null) {
                idByExternalId.putIfAbsent(record.externalId(), record.id());
            }
        }
    }

    /** Replaces a record with {@code change(current)}; empty when absent. The change may throw to refuse. */
    synchronized Optional<StoredObject> update(String id, UnaryOperator<StoredObject> change) {
        StoredObject current = byId.get(id);
        if (current == null) {
            return Optional.empty();
        }
        StoredObject next = change.apply(current);
        String oldExternalId = current.externalId();
        String newExternalId = next.externalId();
        if (newExternalId != null && !newExternalId.equals(oldExternalId)) {
            String holder = idByExternalId.get(newExternalId);
            if (uniqueExternalIds && holder != null && !holder.equals(id)) {
                throw new DuplicateExternalIdException(0, newExternalId);
            }
            idByExternalId.putIfAbsent(newExternalId, id);
        }
        if (oldExternalId != null && !oldExternalId.equals(newExternalId) && id.equals(idByExternalId.get(oldExternalId))) {
            idByExternalId.remove(oldExternalId);
        }
        byId.put(id, next);
        return Optional.of(next);
    }

    synchronized boolean delete(String id) {
        StoredObject removed = byId.remove(id);
        if (removed == null) {
            return false;
        }
        if (removed.externalId() != null && id.equals(idByExternalId.get(removed.externalId()))) {
            idByExternalId.remove(removed.externalId());
        }
        return true;
    }

    synchronized List<StoredObject> list(Predicate<StoredObject> filter) {
        List<StoredObject> matching = new ArrayList<>();
        for (StoredObject record : byId.values()) {
            if (filter.test(record)) {
                matching.add(record);
            }
        }
        return matching;
    }

    synchronized List<StoredObject> all() {
        return new ArrayList<>(byId.values());
    }

    synchronized int size() {
        return byId.size();
    }

    synchronized void clear() {
        byId.clear();
        idByExternalId.clear();
    }
}
