package io.github.camelsaas.simulator.kustomer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record as the simulator stored it: the attributes the client sent (with Kustomer's defaults filled in when
 * answering, not here), its revision, timestamps and links. Immutable: an update stores a new instance.
 *
 * @param id             24-hex object id
 * @param kind           what kind of record
 * @param klass          the klass name of a KObject, null otherwise
 * @param attributes     the attributes as sent (a read-only copy), without {@code rev}, {@code createdAt}, links
 * @param rev            the revision, raised by one on each update
 * @param customerId     the linked customer, or null
 * @param companyId      the linked company, or null
 * @param conversationId the linked conversation (messages, notes), or null
 * @param createdBy      the user id of the API key that created it
 * @param modifiedBy     the user id of the API key that last changed it
 */
public record StoredObject(String id, ResourceKind kind, String klass, Map<String, Object> attributes, int rev,
        Instant createdAt, Instant updatedAt, String customerId, String companyId, String conversationId,
        String createdBy, String modifiedBy) {

    public StoredObject {
        attributes = frozenMap(attributes);
    }

    public String externalId() {
        return attributes.get("externalId") instanceof String s ? s : null;
    }

    public Object attribute(String name) {
        return attributes.get(name);
    }

    /** The custom attributes ({@code custom}), empty when none were sent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> custom() {
        return attributes.get("custom") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Whether the body carried {@code importedAt} (which exempts most creates from the per-customer limit). */
    public boolean imported() {
        return attributes.get("importedAt") != null;
    }

    /** A read-only deep copy: neither a client's later edits nor a test's can change what was stored. */
    private static Map<String, Object> frozenMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), frozen(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            return frozenMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(frozen(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    StoredObject updated(Map<String, Object> newAttributes, Instant at, String byUser) {
        return new StoredObject(id, kind, klass, newAttributes, rev + 1, createdAt, at, customerId, companyId,
                conversationId, createdBy, byUser);
    }
}
