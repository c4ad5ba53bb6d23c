package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records of one custom object. Reads take no lock (a concurrent sorted map of immutable nodes); writes
 * are serialized per object, and {@link #atomically} lets a caller check and write as one step (a create call's
 * uniqueness check and inserts, a batch update). Records are kept in Id order, which is what makes the query
 * cursor ("the Id of the last record on the page", as Zuora describes it) a stable position.
 */
final class ObjectRecords {

    /** One page of a query: the records, how many match in all, and the cursor for the next page (or null). */
    record Page(List<ObjectNode> records, int totalMatching, String nextCursor) {
    }

    private final ConcurrentSkipListMap<String, ObjectNode> byId = new ConcurrentSkipListMap<>();
    /** Per field checked for uniqueness: value (as JSON text) to the Id holding it. Built on first use. */
    private final Map<String, Map<String, String>> valueOwners = new HashMap<>();
    private volatile int size;

    Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    int size() {
        return size;
    }

    List<ObjectNode> all() {
        return new ArrayList<>(byId.values());
    }

    /** Runs {@code work} holding this object's write lock. */
    synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    /**
     * The records (by position in {@code records}) whose value of a unique field is already held by another
     * record, stored or earlier in the same list. Each record must carry its {@code Id}.
     */
    synchronized Map<Integer, RecordError> uniqueViolations(ObjectDefinition definition, List<ObjectNode> records) {
        Map<Integer, RecordError> violations = new HashMap<>();
        for (FieldDefinition field : definition.fields()) {
            if (!field.unique()) {
                continue;
            }
            Map<String, String> owners = ownersOf(field.name());
            Map<String, String> claimedInCall = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                ObjectNode record = records.get(i);
                JsonNode value = record.get(field.name());
                if (value == null || value.isNull() || violations.containsKey(i)) {
                    continue;
                }
                String id = record.get(Records.ID).asText();
                String key = value.toString();
                String owner = owners.get(key);
                String claimant = claimedInCall.putIfAbsent(key, id);
                if ((owner != null && !owner.equals(id)) || (claimant != null && !claimant.equals(id))) {
                    violations.put(i, new RecordError(ZuoraErrorCodes.RULE_VIOLATION,
                            String.format("Field [%s] is unique and value %s is already used.", field.name(), key)));
                }
            }
        }
        return violations;
    }

    /** Inserts or replaces a record (by its Id). */
    synchronized void put(ObjectNode record) {
        String id = record.get(Records.ID).asText();
        ObjectNode previous = byId.put(id, record);
        if (previous == null) {
            size++;
        }
        valueOwners.forEach((field, owners) -> {
            release(owners, previous, field, id);
            JsonNode value = record.get(field);
            if (value != null && !value.isNull()) {
                owners.put(value.toString(), id);
            }
        });
    }

    /** Removes a record; false when there was none with that Id. */
    synchronized boolean remove(String id) {
        ObjectNode previous = byId.remove(id);
        if (previous == null) {
            return false;
        }
        size--;
        valueOwners.forEach((field, owners) -> release(owners, previous, field, id));
        return true;
    }

    synchronized void clear() {
        byId.clear();
        valueOwners.clear();
        size = 0;
    }

    /**
     * The page of records matching {@code filter} after the record with Id {@code afterId} (null: from the
     * start). Records written meanwhile may or may not show, as with an eventually consistent store, but no
     * record is returned twice across the pages of one walk.
     */
    Page page(RecordFilter filter, String afterId, int pageSize) {
        NavigableMap<String, ObjectNode> view = afterId == null ? byId : byId.tailMap(afterId, false);
        List<ObjectNode> records = new ArrayList<>(Math.min(pageSize, 1024));
        boolean more = false;
        for (ObjectNode record : view.values()) {
            if (filter.test(record)) {
                if (records.size() == pageSize) {
                    more = true;
                    break;
                }
                records.add(record);
            }
        }
        int total = filter.matchesEverything() ? size : count(filter);
        String cursor = more ? records.get(records.size() - 1).get(Records.ID).asText() : null;
        return new Page(records, total, cursor);
    }

    private int count(Predicate<ObjectNode> filter) {
        int count = 0;
        for (ObjectNode record : byId.values()) {
            if (filter.test(record)) {
                count++;
            }
        }
        return count;
    }

    private Map<String, String> ownersOf(String field) {
        return valueOwners.computeIfAbsent(field, f -> {
            // first uniqueness check on this field: index what is stored; put/remove keep it current afterwards
            Map<String, String> owners = new HashMap<>();
            for (ObjectNode record : byId.values()) {
                JsonNode value = record.get(f);
                if (value != null && !value.isNull()) {
                    owners.put(value.toString(), record.get(Records.ID).asText());
                }
            }
            return owners;
        });
    }

    private static void release(Map<String, String> owners, ObjectNode previous, String field, String id) {
        JsonNode old = previous == null ? null : previous.get(field);
        if (old != null && !old.isNull()) {
            owners.remove(old.toString(), id);
        }
    }
}
