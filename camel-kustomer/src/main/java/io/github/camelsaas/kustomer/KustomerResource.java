package io.github.camelsaas.kustomer;

import static io.github.camelsaas.kustomer.KustomerOperation.create;
import static io.github.camelsaas.kustomer.KustomerOperation.delete;
import static io.github.camelsaas.kustomer.KustomerOperation.get;
import static io.github.camelsaas.kustomer.KustomerOperation.getByEmail;
import static io.github.camelsaas.kustomer.KustomerOperation.getByExternalId;
import static io.github.camelsaas.kustomer.KustomerOperation.list;
import static io.github.camelsaas.kustomer.KustomerOperation.update;
import static io.github.camelsaas.kustomer.KustomerOperation.upsert;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Kustomer resources an endpoint can address (the URI path names one of them), with the operations each one
 * supports and the API traits the producer relies on.
 */
public enum KustomerResource {
    kobjects("kobject", EnumSet.of(create, update, upsert, get, getByExternalId, delete, list)),
    customers("customer", EnumSet.of(create, update, upsert, get, getByExternalId, getByEmail, delete, list)),
    companies("company", EnumSet.of(create, update, get, list)),
    conversations("conversation", EnumSet.of(create, update, get, getByExternalId, delete, list)),
    messages("message", EnumSet.of(create, get, list)),
    notes("note", EnumSet.of(create, get, delete, list));

    private final String singular;
    private final Set<KustomerOperation> operations;

    KustomerResource(String singular, Set<KustomerOperation> operations) {
        this.singular = singular;
        this.operations = operations;
    }

    /** Parses the URI path, failing with the allowed values so a typo is caught when the route starts. */
    public static KustomerResource fromUriPath(String path) {
        String name = path == null ? "" : path.trim().toLowerCase(Locale.ROOT);
        for (KustomerResource resource : values()) {
            if (resource.name().equals(name)) {
                return resource;
            }
        }
        throw new IllegalArgumentException("Unknown Kustomer resource '" + path + "' in the URI path; allowed: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** The operations this resource supports. */
    public Set<KustomerOperation> operations() {
        return EnumSet.copyOf(operations);
    }

    /** Fails with the allowed operations when this resource does not support {@code operation}. */
    public void requireSupported(KustomerOperation operation) {
        if (!operations.contains(operation)) {
            throw new IllegalArgumentException("Operation " + operation + " is not supported for Kustomer resource "
                    + this + "; allowed: " + KustomerOperation.names(operations));
        }
    }

    /** The resource's singular name as Kustomer's roles spell it, e.g. {@code kobject}. */
    String singular() {
        return singular;
    }

    /** Whether Kustomer can find a record by external id ({@code .../externalId={externalId}}). */
    public boolean hasExternalIdLookup() {
        return this == kobjects || this == customers || this == conversations;
    }

    /** Whether a create can go through the customer-scoped path {@code /v1/customers/{id}/...}. */
    public boolean hasCustomerScopedCreate() {
        return this == kobjects || this == conversations || this == messages;
    }

    /** Whether a create for a conversation goes to the conversation's own path (messages and notes). */
    public boolean hasConversationScopedCreate() {
        return this == messages || this == notes;
    }

    /** Whether Kustomer deletes records of this resource in bulk ({@code DELETE .../bulk?ids=}). */
    public boolean hasBulkDelete() {
        return this == kobjects || this == customers;
    }

    /** Whether creates count against the per-customer create limit (120 per minute). */
    public boolean createsCountPerCustomer() {
        return this == kobjects || this == conversations || this == messages || this == notes;
    }

    /** Whether {@code importedAt} in the body exempts a create from the per-customer limit (notes: no exemption). */
    public boolean importedAtExemptsFromCustomerLimit() {
        return this == kobjects || this == conversations || this == messages;
    }
}
