package io.github.camelsaas.simulator.kustomer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's data: customers, companies, conversations, messages, notes, KObjects per klass, bulk jobs. External ids
 * are unique per org for customers and conversations and per klass for KObjects (Kustomer looks all three up by
 * external id). Conversations and KObjects are indexed by customer, messages and notes by conversation. Thread-safe.
 */
final class KustomerStore {

    private final String orgId = ObjectIds.next();
    private final Map<ResourceKind, ResourceCollection> collections = new EnumMap<>(ResourceKind.class);
    private final Map<String, ResourceCollection> kobjectsByKlass = new ConcurrentHashMap<>();
    private final Map<String, BulkJob> bulkJobs = new ConcurrentHashMap<>();

    KustomerStore() {
        collections.put(ResourceKind.CUSTOMER, new ResourceCollection(true, StoredObject::companyId));
        collections.put(ResourceKind.COMPANY, new ResourceCollection(false, c -> null));
        collections.put(ResourceKind.CONVERSATION, new ResourceCollection(true, StoredObject::customerId));
        collections.put(ResourceKind.MESSAGE, new ResourceCollection(false, StoredObject::conversationId));
        collections.put(ResourceKind.NOTE, new ResourceCollection(false, StoredObject::conversationId));
    }

    String orgId() {
        return orgId;
    }

    /** The records of one kind; for KObjects use {@link #klass}. */
    ResourceCollection of(ResourceKind kind) {
        if (kind == ResourceKind.KOBJECT) {
            throw new IllegalArgumentException("KObjects are stored per klass");
        }
        return collections.get(kind);
    }

    /** The KObjects of one klass (a klass springs into being with its first object, as if defined beforehand). */
    ResourceCollection klass(String name) {
        return kobjectsByKlass.computeIfAbsent(name, n -> new ResourceCollection(true, StoredObject::customerId));
    }

    /** The KObjects of a klass, without creating it. */
    Optional<ResourceCollection> existingKlass(String name) {
        return Optional.ofNullable(kobjectsByKlass.get(name));
    }

    List<String> klassNames() {
        return List.copyOf(kobjectsByKlass.keySet());
    }

    ResourceCollection collectionOf(StoredObject record) {
        return record.kind() == ResourceKind.KOBJECT ? klass(record.klass()) : of(record.kind());
    }

    Optional<StoredObject> customer(String id) {
        return of(ResourceKind.CUSTOMER).get(id);
    }

    Optional<StoredObject> conversation(String id) {
        return of(ResourceKind.CONVERSATION).get(id);
    }

    void saveBulkJob(BulkJob job) {
        bulkJobs.put(job.id(), job);
    }

    Optional<BulkJob> bulkJob(String id) {
        return Optional.ofNullable(bulkJobs.get(id));
    }

    List<BulkJob> bulkJobs() {
        return bulkJobs.values().stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    void clear() {
        collections.values().forEach(ResourceCollection::clear);
        kobjectsByKlass.clear();
        bulkJobs.clear();
    }
}
