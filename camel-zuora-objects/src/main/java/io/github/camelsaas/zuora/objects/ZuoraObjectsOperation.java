package io.github.camelsaas.zuora.objects;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a zuora-objects: producer does with a message; chosen by the operation option or header. */
public enum ZuoraObjectsOperation {

    /** Creates one record or a list, in calls of batchSize records. */
    create,
    /** Reads the record whose id is in the CamelZuoraObjectsId header. */
    get,
    /** Lists the records matching the filter, following cursors. */
    query,
    /** Replaces a record's fields (PUT). */
    update,
    /** Changes some fields of a record (PATCH, JSON merge patch). */
    patch,
    /** Deletes one record, or a list of them in batch calls. */
    delete,
    /** Updates a list of records, each carrying its Id, in batch calls. */
    batchUpdate,
    /** Deletes a list of records by id, in batch calls. */
    batchDelete,
    /** Reads the endpoint object's definition; a null body when the object has none. */
    describe,
    /** Lists every custom object definition of the tenant (the endpoint's object plays no part). */
    listDefinitions,
    /** Creates the custom object definitions in the body (Zuora's request: a definitions map by API name). */
    createDefinitions;

    /** The name used in the operation option and header, e.g. batchUpdate (the constant's own name). */
    public String uriName() {
        return name();
    }

    /**
     * Parses an operation name (case-insensitive, as on kustomer:).
     *
     * @param  source                   where the name came from (the option or the header), for the error message
     * @throws IllegalArgumentException naming the source and the allowed operations
     */
    public static ZuoraObjectsOperation parse(String name, String source) {
        for (ZuoraObjectsOperation operation : values()) {
            if (name != null && operation.name().equalsIgnoreCase(name.trim())) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Invalid " + source + " '" + name + "': use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
