package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The records of one kind (or one klass), in creation order, with an index by external id that can be kept unique
 * and an index by the record each one belongs to (a message's conversation, a conversation's customer), so counts
 * and scoped lists stay cheap when benchmarks fill the store. Every method holds the collection's lock, so a
 * uniqueness check and the insert it guards are one step.
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
    private final Function<StoredObject, String> owner;
    private final Map<String, StoredObject> byId = new LinkedHashMap<>();
    private final Map<String, String> idByExternalId = new HashMap<>();
    private final Map<String, Set<String>> idsByOwner = new HashMap<>();

    /**
     * @param uniqueExternalIds whether a second record with a taken external id is refused
     * @param owner             the id of the record each one belongs to (never changed by an update), for
     *                          {@link #ownedBy}
     */
    ResourceCollection(boolean uniqueExternalIds, Function<StoredObject, String> owner) {
        this.uniqueExternalIds = uniqueExternalIds;
        this.owner = owner;
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
            String ownerId = owner.apply(record);
            if (ownerId != null) {
                idsByOwner.computeIfAbsent(ownerId, k -> new LinkedHashSet<>()).add(record.id());
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
        String ownerId = owner.apply(removed);
        if (ownerId != null && idsByOwner.containsKey(ownerId)) {
            idsByOwner.get(ownerId).remove(id);
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

    /** The records that belong to {@code ownerId}, oldest first. */
    synchronized List<StoredObject> ownedBy(String ownerId) {
        List<StoredObject> owned = new ArrayList<>();
        for (String id : idsByOwner.getOrDefault(ownerId, Set.of())) {
            owned.add(byId.get(id));
        }
        return owned;
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
        idsByOwner.clear();
    }
}
