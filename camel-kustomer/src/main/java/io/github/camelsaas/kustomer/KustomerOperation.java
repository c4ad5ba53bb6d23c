package io.github.camelsaas.kustomer;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** What a kustomer: endpoint does with a message: the {@code operation} option or the CamelKustomerOperation header. */
public enum KustomerOperation {
    create,
    update,
    upsert,
    get,
    getByExternalId,
    getByEmail,
    delete,
    list;

    /** Whether the operation writes the records of the body (the others read or delete one resource). */
    public boolean writesRecords() {
        return this == create || this == update || this == upsert;
    }

    /**
     * Parses an operation name (case-insensitive), failing with the operations allowed for the resource, so a typo in
     * an option or a header is reported with what would have been accepted.
     */
    public static KustomerOperation parse(String name, KustomerResource resource) {
        if (name != null) {
            for (KustomerOperation operation : values()) {
                if (operation.name().equalsIgnoreCase(name.trim())) {
                    return operation;
                }
            }
        }
        throw new IllegalArgumentException("Unknown Kustomer operation '" + name + "'; allowed for " + resource
                + ": " + names(resource.operations()));
    }

    static String names(Collection<KustomerOperation> operations) {
        return operations.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    static String allNames() {
        return names(Arrays.asList(values()));
    }
}
