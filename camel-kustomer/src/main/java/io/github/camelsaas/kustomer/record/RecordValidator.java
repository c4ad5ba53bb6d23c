package io.github.camelsaas.kustomer.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import io.github.camelsaas.kustomer.KustomerOperation;
import io.github.camelsaas.kustomer.KustomerResource;

/**
 * Kustomer's body rules that a record can be checked against before it is sent (validate=true): custom attribute
 * names and values by suffix, tags, externalId length, the createdAt and importedAt dates, and for KObjects the
 * allowed top-level properties, title, description, icon and images. Every violation of a record is collected, so
 * one report tells everything to fix.
 */
public final class RecordValidator {

    static final int MAX_TITLE_LENGTH = 256;
    static final int MAX_TAGS = 20;
    static final int MAX_EXTERNAL_ID_LENGTH = 256;
    static final int MAX_DESCRIPTION_LENGTH = 10_240;
    static final int MAX_ICON_LENGTH = 64;
    static final int MAX_IMAGES = 20;

    /** Dates every resource's create and update schema has. */
    private static final List<String> DATE_TIMES = List.of("createdAt", "importedAt");

    /** Kustomer's tag pattern: 1-64 characters, Latin-1 letters allowed, not starting with a space. */
    private static final Pattern TAG =
            Pattern.compile("[0-9a-zA-Z\u00C0-\u00FF_/<>\\-.][0-9a-zA-Z\u00C0-\u00FF _/<>\\-.]{0,63}");

    /** The KObject create schema (additionalProperties: false). */
    static final Set<String> KOBJECT_CREATE = orderedSet("customer", "company", "externalId", "title", "description",
            "images", "icon", "data", "custom", "tags", "createdAt", "importedAt");

    /**
     * The KObject update schema: no links (customer, company), plus the optimistic-locking rev; and the id, which
     * names the KObject and is not sent in the body.
     */
    static final Set<String> KOBJECT_UPDATE = orderedSet("id", "externalId", "title", "description", "images", "icon",
            "data", "custom", "tags", "createdAt", "importedAt", "rev");

    private RecordValidator() {
    }

    /** Every rule the record breaks, empty when it is valid. */
    public static List<String> violations(KustomerResource resource, KustomerOperation operation, Map<String, Object> record) {
        List<String> violations = new ArrayList<>();
        if (resource == KustomerResource.kobjects) {
            checkKObject(operation, record, violations);
        }
        checkExternalId(record.get("externalId"), resource == KustomerResource.kobjects ? 1 : 0, violations);
        for (String member : DATE_TIMES) {
            Object value = record.get(member);
            if (value != null && !CustomAttributeRules.isDateTime(value)) {
                violations.add(member + " must be an ISO-8601 date-time with offset such as 2024-05-01T12:00:00Z");
            }
        }
        CustomAttributeRules.check(record.get("custom"), violations);
        checkTags(record.get("tags"), violations);
        return violations;
    }

    private static void checkKObject(KustomerOperation operation, Map<String, Object> record, List<String> violations) {
        boolean update = operation == KustomerOperation.update;
        Set<String> allowed = update ? KOBJECT_UPDATE : KOBJECT_CREATE;
        Set<String> unknown = new LinkedHashSet<>(record.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            violations.add("unknown KObject " + (unknown.size() == 1 ? "property " : "properties ") + unknown
                    + "; a KObject " + (update ? "update" : "create") + " allows " + allowed
                    + (update ? "" : " (custom attributes go in custom)"));
        }
        Object title = record.get("title");
        if (title == null) {
            if (!update) {
                violations.add("title is required");
            }
        } else if (!(title instanceof String text)) {
            violations.add("title must be a string, was " + CustomAttributeRules.kind(title));
        } else {
            int length = text.codePointCount(0, text.length());
            if (length < 1 || length > MAX_TITLE_LENGTH) {
                violations.add("title must be 1-" + MAX_TITLE_LENGTH + " characters, was " + length);
            }
        }
        checkMaxLength("description", record.get("description"), MAX_DESCRIPTION_LENGTH, violations);
        checkMaxLength("icon", record.get("icon"), MAX_ICON_LENGTH, violations);
        checkImages(record.get("images"), violations);
    }

    private static void checkExternalId(Object externalId, int minLength, List<String> violations) {
        if (externalId == null) {
            return;
        }
        if (!(externalId instanceof String text)) {
            violations.add("externalId must be a string, was " + CustomAttributeRules.kind(externalId));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length < minLength || length > MAX_EXTERNAL_ID_LENGTH) {
            violations.add("externalId must be " + minLength + "-" + MAX_EXTERNAL_ID_LENGTH + " characters, was "
                    + length);
        }
    }

    private static void checkMaxLength(String member, Object value, int maxLength, List<String> violations) {
        if (value == null) {
            return;
        }
        if (!(value instanceof String text)) {
            violations.add(member + " must be a string, was " + CustomAttributeRules.kind(value));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            violations.add(member + " must be at most " + maxLength + " characters, was " + length);
        }
    }

    private static void checkImages(Object images, List<String> violations) {
        if (images == null) {
            return;
        }
        if (!(images instanceof List<?> list)) {
            violations.add("images must be an array of URLs, was " + CustomAttributeRules.kind(images));
            return;
        }
        if (list.size() > MAX_IMAGES) {
            violations.add("images has " + list.size() + " items, at most " + MAX_IMAGES + " allowed");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!CustomAttributeRules.isAbsoluteUri(list.get(i))) {
                violations.add("images[" + i + "] must be an absolute URL");
            }
        }
    }

    private static void checkTags(Object tags, List<String> violations) {
        if (tags == null) {
            return;
        }
        if (!(tags instanceof List<?> list)) {
            violations.add("tags must be an array of strings, was " + CustomAttributeRules.kind(tags));
            return;
        }
        if (list.size() > MAX_TAGS) {
            violations.add("tags has " + list.size() + " items, at most " + MAX_TAGS + " allowed");
        }
        if (new HashSet<>(list).size() != list.size()) {
            violations.add("tags must not repeat a tag");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String tag) || !TAG.matcher(tag).matches()) {
                violations.add("tags[" + i + "] must be 1-64 characters of letters, digits, space, _ / < > - . "
                        + "not starting with a space");
            }
        }
    }

    private static Set<String> orderedSet(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }
}
