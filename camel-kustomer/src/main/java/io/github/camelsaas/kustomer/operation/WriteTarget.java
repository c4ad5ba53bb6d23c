package io.github.camelsaas.kustomer.operation;

import java.util.List;
import java.util.Map;
import io.github.camelsaas.kustomer.KustomerResource;
import io.github.camelsaas.kustomer.api.CallStats;

/**
 * What one exchange writes to: the resource and klass, the ids its headers give, whether its body was a single
 * record (headers then apply to that record) and where its calls are counted.
 */
public record WriteTarget(KustomerResource resource, String klass, String customerHeader, String externalIdHeader,
                   String emailHeader, String idHeader, boolean singleRecord, CallStats stats) {

    /** The same target for a batch of coalesced single-record creates (their customers are in the records). */
    static WriteTarget forBatch(KustomerResource resource, String klass, CallStats stats) {
        return new WriteTarget(resource, klass, null, null, null, null, false, stats);
    }

    /** The customer a create links to: the header, else the record's {@code customer}. */
    String customerOf(Map<String, Object> record) {
        return customerHeader != null ? customerHeader : text(record.get("customer"));
    }

    /** The conversation a created message or note belongs to: the record's {@code conversation}, or null. */
    String conversationOf(Map<String, Object> record) {
        return resource.hasConversationScopedCreate() ? text(record.get("conversation")) : null;
    }

    /**
     * The key of the per-customer create limit for a create of this record, or null when it does not count: the
     * customer; for a message or note without one, its conversation (which belongs to exactly one customer; set
     * CamelKustomerCustomerId to count per customer exactly). Bodies with {@code importedAt} are exempt, except notes.
     */
    String customerLimitKey(Map<String, Object> record) {
        if (!resource.createsCountPerCustomer()) {
            return null;
        }
        if (resource.importedAtExemptsFromCustomerLimit() && record.get("importedAt") != null) {
            return null;
        }
        String customer = customerOf(record);
        if (customer != null) {
            return customer;
        }
        String conversation = text(record.get("conversation"));
        return conversation == null ? null : "conversation:" + conversation;
    }

    /** The id of the record to update: the header for a single record, else the record's {@code id}. */
    String idOf(Map<String, Object> record) {
        return singleRecord && idHeader != null ? idHeader : text(record.get("id"));
    }

    /** The external id to upsert by: the header for a single record, else the record's {@code externalId}. */
    String externalIdOf(Map<String, Object> record) {
        return singleRecord && externalIdHeader != null ? externalIdHeader : text(record.get("externalId"));
    }

    /** The email to upsert a customer by: the header for a single record, else the record's first email. */
    String emailOf(Map<String, Object> record) {
        if (singleRecord && emailHeader != null) {
            return emailHeader;
        }
        if (record.get("emails") instanceof List<?> emails && !emails.isEmpty()
                && emails.get(0) instanceof Map<?, ?> first) {
            return text(first.get("email"));
        }
        return null;
    }

    /** Where this target's records are, for log lines: e.g. {@code kobjects/order}. */
    public String describe() {
        return resource == KustomerResource.kobjects ? resource + "/" + klass : resource.name();
    }

    static String text(Object value) {
        return value instanceof String text && !text.isEmpty() ? text : null;
    }
}
