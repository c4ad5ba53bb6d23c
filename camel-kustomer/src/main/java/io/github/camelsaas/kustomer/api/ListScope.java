package io.github.camelsaas.kustomer.api;

import io.github.camelsaas.kustomer.KustomerConstants;

/**
 * Whose records a list reads: the org's, or one customer's, company's or conversation's (the parent's id comes in the
 * header of the same name as on creates, e.g. CamelKustomerCustomerId).
 */
public enum ListScope {
    org(null, null),
    customer("customers", KustomerConstants.CUSTOMER_ID),
    company("companies", KustomerConstants.COMPANY_ID),
    conversation("conversations", KustomerConstants.CONVERSATION_ID);

    private final String parentCollection;
    private final String header;

    ListScope(String parentCollection, String header) {
        this.parentCollection = parentCollection;
        this.header = header;
    }

    /** The parent's collection in the path, e.g. {@code customers}; null for the org. */
    String parentCollection() {
        return parentCollection;
    }

    /** The header that names the parent; null for the org. */
    public String header() {
        return header;
    }

    /** For messages: "the org (no scope header)" or "a customer (header CamelKustomerCustomerId)". */
    String describe() {
        return this == org ? "the org (no scope header)" : "a " + name() + " (header " + header + ")";
    }
}
