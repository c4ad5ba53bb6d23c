package io.github.camelsaas.simulator.kustomer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the record a create would store, after checking its body ({@link ResourceRules}) and the records it links
 * to: a customer, company or conversation named in the body must exist (400 naming the member). Nothing is stored
 * here; {@link CreateCommit} does that once the rate limits agree. Also merges update bodies into stored records.
 */
final class RecordFactory {

    /** A record to store and, for a message sent without a conversation, the conversation Kustomer opens for it. */
    record Prepared(StoredObject record, StoredObject implicitConversation) {
        Prepared(StoredObject record) {
            this(record, null);
        }
    }

    /** Members that become links, revision or timestamps rather than plain attributes. */
    private static final Set<String> NOT_ATTRIBUTES = Set.of("id", "rev", "customer", "company", "conversation",
            "createdAt", "modifiedAt", "updatedAt", "createdBy", "modifiedBy");

    private final KustomerStore store;

    RecordFactory(KustomerStore store) {
        this.store = store;
    }

    Prepared kobject(FieldRules f, String klass, StoredObject pathCustomer, Call call) {
        ResourceRules.kobjectCreate(f);
        String customerId = pathCustomer != null ? pathCustomer.id() : existing(f, "customer", ResourceKind.CUSTOMER);
        String companyId = existing(f, "company", ResourceKind.COMPANY);
        return new Prepared(build(ResourceKind.KOBJECT, klass, f.body(), call, customerId, companyId, null));
    }

    Prepared customer(FieldRules f, Call call) {
        ResourceRules.customer(f, false);
        String companyId = existing(f, "company", ResourceKind.COMPANY);
        return new Prepared(build(ResourceKind.CUSTOMER, null, f.body(), call, null, companyId, null));
    }

    Prepared company(FieldRules f, Call call) {
        ResourceRules.company(f, true, false);
        return new Prepared(build(ResourceKind.COMPANY, null, f.body(), call, null, null, null));
    }

    Prepared conversation(FieldRules f, StoredObject pathCustomer, Call call) {
        ResourceRules.conversation(f, pathCustomer == null);
        String customerId = pathCustomer != null ? pathCustomer.id() : existing(f, "customer", ResourceKind.CUSTOMER);
        return new Prepared(build(ResourceKind.CONVERSATION, null, f.body(), call, customerId, null, null));
    }

    /**
     * A message belongs to a conversation and its customer: from the path, from the body, or (customer only) a new
     * conversation opened for it, as Kustomer does for a message sent without one.
     */
    Prepared message(FieldRules f, boolean directionRequired, StoredObject pathConversation, StoredObject pathCustomer,
            Call call) {
        ResourceRules.message(f, directionRequired);
        StoredObject conversation = pathConversation;
        if (conversation == null && f.has("conversation")) {
            conversation = store.conversation((String) f.body().get("conversation"))
                    .orElseThrow(() -> f.invalid("conversation", "names no existing conversation"));
        }
        String customerId = pathCustomer != null ? pathCustomer.id() : existing(f, "customer", ResourceKind.CUSTOMER);
        if (conversation != null && customerId != null && !customerId.equals(conversation.customerId())) {
            throw f.invalid("customer", "differs from the customer of conversation " + conversation.id());
        }
        if (conversation != null) {
            customerId = conversation.customerId();
        }
        if (customerId == null) {
            throw f.invalid("customer", "is required when no conversation is given");
        }
        StoredObject implicit = null;
        if (conversation == null) {
            implicit = build(ResourceKind.CONVERSATION, null, Map.of(), call, customerId, null, null);
        }
        String conversationId = conversation != null ? conversation.id() : implicit.id();
        return new Prepared(build(ResourceKind.MESSAGE, null, f.body(), call, customerId, null, conversationId), implicit);
    }

    /** A note belongs to a conversation (path or body); its customer is the conversation's. */
    Prepared note(FieldRules f, StoredObject pathConversation, Call call) {
        ResourceRules.note(f, pathConversation == null);
        StoredObject conversation = pathConversation != null ? pathConversation
                : store.conversation((String) f.body().get("conversation"))
                        .orElseThrow(() -> f.invalid("conversation", "names no existing conversation"));
        return new Prepared(build(ResourceKind.NOTE, null, f.body(), call, conversation.customerId(), null,
                conversation.id()));
    }

    /**
     * The attributes after an update: {@code replace} keeps only what the body sends (customers' {@code ?replace=true});
     * otherwise members are merged, and so are the keys of {@code custom} (Kustomer's own bulk-update example sends
     * just the custom attribute it changes).
     */
    static Map<String, Object> merge(StoredObject current, Map<String, Object> body, boolean replace) {
        Map<String, Object> changes = attributesOf(body);
        if (replace) {
            return changes;
        }
        Map<String, Object> merged = new LinkedHashMap<>(current.attributes());
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if ("custom".equals(change.getKey()) && change.getValue() instanceof Map<?, ?> customChanges) {
                Map<Object, Object> custom = new LinkedHashMap<>(current.custom());
                custom.putAll(customChanges);
                merged.put("custom", custom);
            } else {
                merged.put(change.getKey(), change.getValue());
            }
        }
        return merged;
    }

    /** 409 when the body's {@code rev} is not the stored one (Kustomer's optimistic locking). */
    static void checkRev(Map<String, Object> body, StoredObject current, String pointer) {
        if (body.get("rev") instanceof Number rev && rev.doubleValue() != current.rev()) {
            throw ApiException.conflict(pointer, "rev " + rev + " is stale: " + current.kind().typeName() + " "
                    + current.id() + " is at rev " + current.rev());
        }
    }

    private String existing(FieldRules f, String member, ResourceKind kind) {
        Object id = f.body().get(member);
        if (id == null) {
            return null;
        }
        if (store.of(kind).get((String) id).isEmpty()) {
            throw f.invalid(member, "names no existing " + kind.typeName() + " (" + id + ")");
        }
        return (String) id;
    }

    private static StoredObject build(ResourceKind kind, String klass, Map<String, Object> body, Call call,
            String customerId, String companyId, String conversationId) {
        Instant createdAt = body.get("createdAt") instanceof String text ? Timestamps.parse(text) : null;
        Instant now = call.now();
        String user = call.key().userId();
        return new StoredObject(ObjectIds.next(), kind, klass, attributesOf(body), kind.initialRev(),
                createdAt != null ? createdAt : now, now, customerId, companyId, conversationId, user, user);
    }

    private static Map<String, Object> attributesOf(Map<String, Object> body) {
        Map<String, Object> attributes = new LinkedHashMap<>(body);
        attributes.keySet().removeAll(NOT_ATTRIBUTES);
        return attributes;
    }
}
