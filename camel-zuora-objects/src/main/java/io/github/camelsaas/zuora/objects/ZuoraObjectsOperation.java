package io.github.camelsaas.zuora.objects;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a zuora-objects: producer does with a message; chosen by the operation option or header. */
public enum ZuoraObjectsOperation {

    /** Creates one record or a list, in calls of batchSize records. */
    CREATE("create"),
    /** Reads the record whose id is in the CamelZuoraObjectsId header. */
    GET("get"),
    /** Lists the records matching the filter, following cursors. */
    QUERY("query"),
    /** Replaces a record's fields (PUT). */
    UPDATE("update"),
    /** Changes some fields of a record (PATCH, JSON merge patch). */
    PATCH("patch"),
    /** Deletes one record, or a list of them in batch calls. */
    DELETE("delete"),
    /** Updates a list of records, each carrying its Id, in batch calls. */
    BATCH_UPDATE("batchUpdate"),
    /** Deletes a list of records by id, in batch calls. */
    BATCH_DELETE("batchDelete"),
    /** Reads the object's definition. */
    DESCRIBE("describe");

    private final String uriName;

    ZuoraObjectsOperation(String uriName) {
        this.uriName = uriName;
    }

    /** The name used in the operation option and header, e.g. batchUpdate. */
    public String uriName() {
        return uriName;
    }

    /**
     * @param  source                   where the name came from (the option or the header), for the error message
     * @throws IllegalArgumentException naming the source and the allowed operations
     */
    public static ZuoraObjectsOperation fromUriName(String name, String source) {
        for (ZuoraObjectsOperation operation : values()) {
            if (operation.uriName.equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Invalid " + source + " '" + name + "': use one of "
                + Arrays.stream(values()).map(ZuoraObjectsOperation::uriName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return uriName;
    }
}
