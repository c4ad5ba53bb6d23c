package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns stored records into Kustomer's JSON:API resources: the attributes a client sent, plus every attribute and
 * relationship Kustomer's response schemas mark as required, with the defaults Kustomer's examples show for a new
 * record (empty arrays, {@code status: open}, counts computed from the store).
 */
final class ResourceRenderer {

    private static final List<String> DISPLAY_COLORS = List.of("green", "blue", "purple", "orange", "red", "teal");
    private static final List<String> DISPLAY_ICONS = List.of("compass", "rocket", "leaf", "star", "anchor", "flag");

    private final KustomerStore store;

    ResourceRenderer(KustomerStore store) {
        this.store = store;
    }

    Map<String, Object> render(StoredObject record) {
        return switch (record.kind()) {
            case KOBJECT -> kobject(record);
            case CUSTOMER -> customer(record);
            case COMPANY -> company(record);
            case CONVERSATION -> conversation(record);
            case MESSAGE -> message(record);
            case NOTE -> note(record);
        };
    }

    static String selfPath(StoredObject record) {
        return switch (record.kind()) {
            case KOBJECT -> "/v1/klasses/" + record.klass() + "/" + record.id();
            case CUSTOMER -> "/v1/customers/" + record.id();
            case COMPANY -> "/v1/companies/" + record.id();
            case CONVERSATION -> "/v1/conversations/" + record.id();
            case MESSAGE -> "/v1/messages/" + record.id();
            case NOTE -> "/v1/notes/" + record.id();
        };
    }

    private Map<String, Object> kobject(StoredObject record) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("externalId", null);
        attributes.put("title", null);
        attributes.put("description", null);
        attributes.put("icon", null);
        attributes.put("images", List.of());
        attributes.put("data", Map.of());
        attributes.put("custom", Map.of());
        attributes.put("tags", List.of());
        attributes.putAll(record.attributes());
        putTimestampsAndRev(attributes, record);
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", org());
        // Kustomer's KObject answers spell this one relationship "link", not "links"
        Map<String, Object> klass = new LinkedHashMap<>();
        klass.put("link", JsonApi.self("/v1/klasses/" + record.klass()));
        klass.put("data", JsonApi.identifier("klass", record.klass()));
        relationships.put("klass", klass);
        linkCustomerAndCompany(relationships, record);
        return JsonApi.resource("kobject." + record.klass(), record.id(), attributes, relationships,
                JsonApi.self(selfPath(record)));
    }

    private Map<String, Object> customer(StoredObject record) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", null);
        attributes.put("displayName", null);
        attributes.put("displayColor", pick(DISPLAY_COLORS, record.id()));
        attributes.put("displayIcon", pick(DISPLAY_ICONS, record.id()));
        attributes.put("externalId", null);
        for (String list : new String[] { "externalIds", "sharedExternalIds", "emails", "sharedEmails", "phones",
                "sharedPhones", "socials", "sharedSocials", "urls", "locations", "activeUsers", "watchers", "tags" }) {
            attributes.put(list, List.of());
        }
        for (String nullable : new String[] { "signedUpAt", "avatarUrl", "username", "locale", "timeZone",
                "birthdayAt", "gender", "defaultLang", "lastSeenAt", "lastCustomerActivityAt", "lastMessageIn",
                "preview", "sentiment", "progressiveStatus" }) {
            attributes.put(nullable, null);
        }
        attributes.put("presence", "offline");
        attributes.put("verified", false);
        attributes.put("custom", Map.of());
        attributes.putAll(record.attributes());
        ContactEntries.completeAll(attributes);
        attributes.put("displayName", displayName(record));
        attributes.putIfAbsent("lastActivityAt", null);
        if (attributes.get("lastActivityAt") == null) {
            attributes.put("lastActivityAt", Timestamps.format(record.createdAt()));
        }
        attributes.put("recentLocation", Map.of("updatedAt", Timestamps.format(record.createdAt())));
        List<StoredObject> conversations = store.of(ResourceKind.CONVERSATION).ownedBy(record.id());
        attributes.put("lastConversation", lastConversation(conversations));
        attributes.put("conversationCounts", conversationCounts(conversations));
        putTimestampsAndRev(attributes, record);
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", org());
        relationships.put("messages", Map.of("links", JsonApi.self("/v1/customers/" + record.id() + "/messages")));
        relationships.put("createdBy", user(record.createdBy()));
        relationships.put("modifiedBy", user(record.modifiedBy()));
        if (record.companyId() != null) {
            relationships.put("company", JsonApi.related("company", record.companyId(),
                    "/v1/companies/" + record.companyId()));
        }
        return JsonApi.resource("customer", record.id(), attributes, relationships, JsonApi.self(selfPath(record)));
    }

    private Map<String, Object> company(StoredObject record) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", null);
        attributes.put("externalId", null);
        attributes.put("tags", List.of());
        attributes.put("custom", Map.of());
        attributes.putAll(record.attributes());
        putTimestampsAndRev(attributes, record);
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", org());
        relationships.put("createdBy", user(record.createdBy()));
        relationships.put("modifiedBy", user(record.modifiedBy()));
        return JsonApi.resource("company", record.id(), attributes, relationships, JsonApi.self(selfPath(record)));
    }

    private Map<String, Object> conversation(StoredObject record) {
        List<StoredObject> messages = store.of(ResourceKind.MESSAGE).ownedBy(record.id());
        int notes = store.of(ResourceKind.NOTE).ownedBy(record.id()).size();
        Set<Object> channels = new LinkedHashSet<>();
        int outbound = 0;
        for (StoredObject message : messages) {
            channels.add(message.attribute("channel"));
            if ("out".equals(message.attribute("direction"))) {
                outbound++;
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("externalId", null);
        attributes.put("name", null);
        attributes.put("channels", new ArrayList<>(channels));
        attributes.put("status", "open");
        attributes.put("priority", 3);
        attributes.put("messageCount", messages.size());
        attributes.put("noteCount", notes);
        attributes.put("outboundMessageCount", outbound);
        attributes.put("satisfaction", 0);
        attributes.put("tags", List.of());
        attributes.put("suggestedTags", List.of());
        attributes.put("sentiment", Map.of());
        attributes.put("lastMessageIn", Map.of());
        attributes.put("firstResponse", Map.of());
        attributes.put("assignedUsers", List.of());
        attributes.put("assignedTeams", List.of());
        attributes.put("direction", "in");
        attributes.put("custom", Map.of());
        attributes.putAll(record.attributes());
        putTimestampsAndRev(attributes, record);
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", org());
        relationships.put("customer", JsonApi.related("customer", record.customerId(),
                "/v1/customers/" + record.customerId()));
        relationships.put("messages", Map.of("links", JsonApi.self("/v1/conversations/" + record.id() + "/messages")));
        relationships.put("createdBy", user(record.createdBy()));
        relationships.put("modifiedBy", user(record.modifiedBy()));
        return JsonApi.resource("conversation", record.id(), attributes, relationships, JsonApi.self(selfPath(record)));
    }

    private Map<String, Object> message(StoredObject record) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("externalId", null);
        attributes.put("channel", null);
        attributes.put("app", null);
        attributes.put("size", 0);
        attributes.put("direction", "in");
        attributes.put("preview", null);
        attributes.put("subject", null);
        attributes.put("sentiment", null);
        attributes.put("meta", Map.of());
        attributes.put("lang", null);
        attributes.put("custom", Map.of());
        attributes.putAll(record.attributes());
        attributes.putIfAbsent("status", "out".equals(attributes.get("direction")) ? "sent" : "received");
        if (attributes.get("sentAt") == null) {
            attributes.put("sentAt", Timestamps.format(record.createdAt()));
        }
        putTimestampsAndRev(attributes, record);
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", org());
        relationships.put("createdBy", user(record.createdBy()));
        relationships.put("modifiedBy", user(record.modifiedBy()));
        relationships.put("customer", JsonApi.related("customer", record.customerId(),
                "/v1/customers/" + record.customerId()));
        relationships.put("conversation", JsonApi.related("conversation", record.conversationId(),
                "/v1/conversations/" + record.conversationId()));
        Map<String, Object> links = JsonApi.self(selfPath(record));
        // Kustomer links a message to its copy in the channel app (its example: /v1/postmark/messages/{id})
        links.put("related", "/v1/" + attributes.get("app") + "/messages/" + record.id());
        return JsonApi.resource("message", record.id(), attributes, relationships, links);
    }

    private Map<String, Object> note(StoredObject record) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("body", null);
        attributes.put("externalId", null);
        attributes.put("lang", null);
        attributes.putAll(record.attributes());
        attributes.remove("userMentions");
        putTimestampsAndRev(attributes, record);
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", org());
        relationships.put("customer", JsonApi.related("customer", record.customerId(),
                "/v1/customers/" + record.customerId()));
        relationships.put("createdBy", user(record.createdBy()));
        relationships.put("conversation", JsonApi.related("conversation", record.conversationId(),
                "/v1/conversations/" + record.conversationId()));
        List<Map<String, Object>> mentions = new ArrayList<>();
        if (record.attribute("userMentions") instanceof List<?> users) {
            users.forEach(u -> mentions.add(JsonApi.identifier("user", String.valueOf(u))));
        }
        relationships.put("userMentions", Map.of("data", mentions));
        return JsonApi.resource("note", record.id(), attributes, relationships, JsonApi.self(selfPath(record)));
    }

    /** The bulk job resource; {@code returnIds} decides whether {@code attributes.ids} lists the stored records. */
    Map<String, Object> bulkJob(BulkJob job, boolean returnIds) {
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("data", job.items());
        api.put("path", job.path());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", job.createdBy());
        user.put("userType", "user");
        user.put("roles", List.of("org"));
        user.put("orgName", "simulated-org");
        user.put("subject", job.createdBy());
        user.put("org", store.orgId());
        api.put("user", user);
        api.put("requestId", job.id());
        api.put("service", "sobjects");
        api.put("method", job.method());
        Map<String, Object> attributes = new LinkedHashMap<>();
        // Kustomer's examples show an empty ids list even for jobs that created records; whether real answers ever
        // list the ids is unconfirmed, so it is a switch (off by default, as in the examples)
        attributes.put("ids", returnIds ? job.storedIds() : List.of());
        attributes.put("context", job.context());
        attributes.put("status", "complete");
        attributes.put("v2", true);
        attributes.put("payload", Map.of("api", api));
        attributes.put("createdAt", Timestamps.format(job.createdAt()));
        attributes.put("updatedAt", Timestamps.format(job.createdAt()));
        attributes.put("completed", true);
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", org());
        relationships.put("createdBy", user(job.createdBy()));
        return JsonApi.resource("bulk", job.id(), attributes, relationships, JsonApi.self("/v1/bulk/" + job.id()));
    }

    Map<String, Object> org() {
        return JsonApi.related("org", store.orgId(), "/v1/orgs/" + store.orgId());
    }

    static Map<String, Object> user(String userId) {
        return JsonApi.related("user", userId, "/v1/users/" + userId);
    }

    private static void putTimestampsAndRev(Map<String, Object> attributes, StoredObject record) {
        attributes.put("createdAt", Timestamps.format(record.createdAt()));
        attributes.put("updatedAt", Timestamps.format(record.updatedAt()));
        attributes.put("modifiedAt", Timestamps.format(record.updatedAt()));
        attributes.put("rev", record.rev());
    }

    private static void linkCustomerAndCompany(Map<String, Object> relationships, StoredObject record) {
        if (record.customerId() != null) {
            relationships.put("customer", JsonApi.related("customer", record.customerId(),
                    "/v1/customers/" + record.customerId()));
        }
        if (record.companyId() != null) {
            relationships.put("company", JsonApi.related("company", record.companyId(),
                    "/v1/companies/" + record.companyId()));
        }
    }

    private static Object displayName(StoredObject customer) {
        if (customer.attribute("name") instanceof String name && !name.isBlank()) {
            return name;
        }
        for (String list : new String[] { "emails", "phones" }) {
            if (customer.attribute(list) instanceof List<?> items && !items.isEmpty()
                    && items.get(0) instanceof Map<?, ?> first) {
                Object value = first.get("emails".equals(list) ? "email" : "phone");
                if (value != null) {
                    return value;
                }
            }
        }
        return customer.externalId();
    }

    private static Map<String, Object> lastConversation(List<StoredObject> conversations) {
        Map<String, Object> last = new LinkedHashMap<>();
        StoredObject latest = conversations.isEmpty() ? null : conversations.get(conversations.size() - 1);
        last.put("id", latest == null ? null : latest.id());
        last.put("sentiment", null);
        last.put("tags", latest != null && latest.attribute("tags") instanceof List<?> tags ? tags : List.of());
        return last;
    }

    private static Map<String, Object> conversationCounts(List<StoredObject> conversations) {
        int open = 0;
        int snoozed = 0;
        int done = 0;
        for (StoredObject conversation : conversations) {
            Object status = conversation.attribute("status");
            if ("done".equals(status)) {
                done++;
            } else if ("snoozed".equals(status)) {
                snoozed++;
            } else {
                open++;
            }
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("all", conversations.size());
        counts.put("snoozed", snoozed);
        counts.put("open", open);
        counts.put("done", done);
        return counts;
    }

    private static String pick(List<String> choices, String id) {
        return choices.get(Math.floorMod(id.hashCode(), choices.size()));
    }
}
