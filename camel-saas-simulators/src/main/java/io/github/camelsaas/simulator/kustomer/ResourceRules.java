package io.github.camelsaas.simulator.kustomer;

import java.util.HashSet;
import java.util.Set;

/**
 * The request-body rules of each resource, taken from the request schemas of Kustomer's spec (allowed members,
 * lengths, formats, required members). Pure checks of the body; whether a referenced customer or conversation exists
 * is the endpoints' business.
 */
final class ResourceRules {

    private static final Set<String> KOBJECT_CREATE = Set.of("customer", "company", "externalId", "title",
            "description", "images", "icon", "data", "custom", "tags", "createdAt", "importedAt");
    // the update schema drops the links (customer, company) and adds the optimistic-locking rev
    private static final Set<String> KOBJECT_UPDATE = Set.of("externalId", "title", "description", "images", "icon",
            "data", "custom", "tags", "createdAt", "importedAt", "rev");

    private static final Set<String> CUSTOMER = Set.of("name", "company", "externalId", "username", "signedUpAt",
            "lastActivityAt", "lastCustomerActivityAt", "lastSeenAt", "avatarUrl", "externalIds", "sharedExternalIds",
            "emails", "sharedEmails", "phones", "sharedPhones", "whatsapps", "facebookIds", "instagramIds", "socials",
            "sharedSocials", "urls", "locations", "locale", "timeZone", "tags", "sentiment", "custom", "birthdayAt",
            "gender", "createdAt", "importedAt", "rev", "defaultLang");

    private static final Set<String> COMPANY = Set.of("name", "externalId", "avatarUrl", "emails", "phones",
            "whatsapps", "socials", "urls", "domains", "locations", "employeeCount", "tags", "createdAt", "importedAt",
            "rev", "custom", "defaultLang", "deleted");

    private static final Set<String> CONVERSATION = Set.of("id", "customer", "externalId", "name", "status",
            "priority", "createdAt", "importedAt", "direction", "replyChannel", "tags", "assignedUsers",
            "assignedTeams", "custom", "defaultLang", "queue", "campaign", "rev");

    private static final Set<String> MESSAGE = Set.of("id", "externalId", "customer", "conversation", "reference",
            "channel", "preview", "subject", "direction", "app", "size", "related", "status", "error", "errorAt", "auto",
            "sentAt", "source", "shortcuts", "kbArticles", "attachments", "location", "meta", "custom", "sentiment",
            "createdAt", "modifiedAt", "createdBy", "modifiedBy", "importedAt", "lang", "queue", "rev");

    // POST /notes in the trimmed spec lists no conversation member, while the bulk and update schemas require it and
    // a note without a conversation has no customer: the simulator accepts (and requires) it everywhere
    private static final Set<String> NOTE = Set.of("id", "conversation", "externalId", "body", "userMentions",
            "attachments", "deleted", "createdAt", "modifiedAt", "updatedAt", "createdBy", "modifiedBy", "importedAt",
            "lang", "rev");

    private static final Set<String> CHANNELS = Set.of("email", "sms", "chat", "facebook", "twitter-dm",
            "twitter-tweet", "voice", "instagram", "whatsapp");
    private static final Set<String> DIRECTIONS = Set.of("in", "out");

    private ResourceRules() {
    }

    static void kobjectCreate(FieldRules f) {
        f.onlyAllowed(KOBJECT_CREATE);
        f.requiredString("title", 1, 256);
        f.objectId("customer");
        f.objectId("company");
        kobjectCommon(f);
    }

    static void kobjectUpdate(FieldRules f, boolean bulkItem) {
        f.onlyAllowed(bulkItem ? with(KOBJECT_UPDATE, "id") : KOBJECT_UPDATE);
        f.string("title", 1, 256, false);
        f.number("rev");
        kobjectCommon(f);
    }

    private static void kobjectCommon(FieldRules f) {
        f.string("externalId", 1, 256, false);
        f.string("description", 0, 10240, true);
        f.uris("images", 20);
        f.string("icon", 0, 64, true);
        f.object("data", 0);
        f.customAttributes();
        f.tags();
        f.dateTime("createdAt", false);
        f.dateTime("importedAt", false);
    }

    static void customer(FieldRules f, boolean bulkUpdateItem) {
        f.onlyAllowed(bulkUpdateItem ? with(CUSTOMER, "id") : CUSTOMER);
        f.string("name", 0, 256, true);
        f.objectId("company");
        f.string("externalId", 1, 256, true);
        f.string("username", 0, 256, true);
        for (String date : new String[] { "signedUpAt", "lastActivityAt", "lastCustomerActivityAt", "lastSeenAt",
                "birthdayAt" }) {
            f.dateTime(date, true);
        }
        f.dateTime("createdAt", false);
        f.dateTime("importedAt", false);
        f.uri("avatarUrl", true);
        f.arrayOfObjectsWith("externalIds", 10, "externalId");
        f.arrayOfObjectsWith("sharedExternalIds", 10, "externalId");
        f.arrayOfObjectsWith("emails", 10, "email");
        f.arrayOfObjectsWith("sharedEmails", 10, "email");
        f.arrayOfObjectsWith("phones", 10, "phone");
        f.arrayOfObjectsWith("sharedPhones", 10, "phone");
        f.arrayOfObjectsWith("whatsapps", 10, "phone");
        f.arrayOfObjectsWith("urls", 10, "url");
        f.array("locations", 10, true);
        f.array("socials", 10, true);
        f.array("sharedSocials", 10, true);
        f.string("locale", 0, 16, true);
        f.string("timeZone", 0, 64, true);
        f.string("defaultLang", 0, 100, true);
        f.enumValue("gender", Set.of("m", "f"), true);
        f.object("sentiment", 0);
        f.number("rev");
        f.tags();
        f.customAttributes();
    }

    static void company(FieldRules f, boolean create, boolean bulkUpdateItem) {
        f.onlyAllowed(bulkUpdateItem ? with(COMPANY, "id") : COMPANY);
        if (create) {
            f.required("name");
        }
        f.string("name", 3, 256, false);
        f.string("externalId", 1, 256, true);
        f.uri("avatarUrl", true);
        f.integer("employeeCount", 0, Integer.MAX_VALUE);
        f.bool("deleted");
        f.number("rev");
        f.tags();
        f.customAttributes();
        f.dateTime("createdAt", false);
        f.dateTime("importedAt", false);
    }

    /** {@code customerInBody}: POST /conversations and bulk need {@code customer}; the customer-scoped path does not. */
    static void conversation(FieldRules f, boolean customerInBody) {
        conversation(f, customerInBody, Set.of("open", "done"));
    }

    // a create may open or close a conversation; an update may also snooze it
    static void conversationUpdate(FieldRules f) {
        conversation(f, false, Set.of("open", "snoozed", "done"));
    }

    private static void conversation(FieldRules f, boolean customerInBody, Set<String> statuses) {
        f.onlyAllowed(CONVERSATION);
        if (customerInBody) {
            f.required("customer");
        }
        f.objectId("customer");
        f.string("externalId", 0, 256, false);
        f.string("name", 0, 256, true);
        f.enumValue("status", statuses, false);
        f.integer("priority", 1, 5);
        f.enumValue("direction", DIRECTIONS, false);
        f.string("replyChannel", 0, 256, true);
        f.array("assignedUsers", 10, true);
        f.array("assignedTeams", 10, true);
        f.number("rev");
        f.tags();
        f.customAttributes();
        f.dateTime("createdAt", false);
        f.dateTime("importedAt", false);
    }

    /** {@code directionRequired}: POST /messages requires it; the conversation- and customer-scoped paths and bulk do not. */
    static void message(FieldRules f, boolean directionRequired) {
        f.onlyAllowed(MESSAGE);
        f.requiredEnum("channel", CHANNELS);
        f.required("app");
        f.string("app", 1, 256, false);
        if (directionRequired) {
            f.required("direction");
        }
        f.enumValue("direction", DIRECTIONS, false);
        f.objectId("customer");
        f.objectId("conversation");
        f.string("externalId", 0, 256, false);
        f.string("preview", 0, 10240, true);
        f.string("subject", 0, 256, true);
        f.enumValue("status", Set.of("sent", "received", "error"), false);
        f.number("size");
        f.bool("auto");
        f.object("meta", 100);
        f.customAttributes();
        for (String date : new String[] { "sentAt", "errorAt", "createdAt", "modifiedAt", "importedAt" }) {
            f.dateTime(date, false);
        }
    }

    static void messageUpdate(FieldRules f) {
        f.onlyAllowed(MESSAGE);
        f.enumValue("channel", CHANNELS, false);
        f.string("app", 1, 256, false);
        f.enumValue("direction", DIRECTIONS, false);
        f.string("preview", 0, 10240, true);
        f.string("subject", 0, 256, true);
        f.enumValue("status", Set.of("sent", "received", "error"), false);
        f.object("meta", 100);
        f.number("rev");
        f.customAttributes();
    }

    static void note(FieldRules f, boolean conversationInBody) {
        f.onlyAllowed(NOTE);
        f.requiredString("body", 1, 10240);
        if (conversationInBody) {
            f.required("conversation");
        }
        f.objectId("conversation");
        f.string("externalId", 0, 256, false);
        f.array("userMentions", 20, true);
        f.dateTime("createdAt", false);
        f.dateTime("importedAt", false);
    }

    static void noteUpdate(FieldRules f) {
        f.onlyAllowed(NOTE);
        f.string("body", 1, 10240, false);
        f.string("externalId", 0, 256, false);
        f.array("userMentions", 20, true);
    }

    private static Set<String> with(Set<String> base, String extra) {
        Set<String> copy = new HashSet<>(base);
        copy.add(extra);
        return copy;
    }
}
