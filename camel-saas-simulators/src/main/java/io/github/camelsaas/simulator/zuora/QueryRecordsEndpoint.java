package io.github.camelsaas.simulator.zuora;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * {@code GET /objects/records/default/{object}?q=&pageSize=&cursor=}: pages of matching records,
 * {@code {"count", "records", "cursor"}}, the cursor absent on the last page. {@code count} is how many records
 * match in all (the spec calls it "the record count of the given custom object type"), not the page's size.
 */
final class QueryRecordsEndpoint {

    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 1_000;
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DefinitionRegistry definitions;
    private final RecordStore store;

    QueryRecordsEndpoint(DefinitionRegistry definitions, RecordStore store) {
        this.definitions = definitions;
        this.store = store;
    }

    SimResponse query(ZuoraCall call) {
        ObjectDefinition definition = definitions.resolve(call.object()).orElse(null);
        if (definition == null) {
            return ZuoraResponses.notFound("Custom object definition [" + call.object() + "] does not exist.",
                    call.requestId());
        }
        String cursor = call.request().query("cursor");
        int pageSize = pageSize(call.request().query("pageSize"), cursor != null);
        if (cursor != null && !UUID_SHAPE.matcher(cursor).matches()) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE, "cursor must be a UUID, was [" + cursor + "].");
        }
        RecordFilter filter;
        try {
            filter = RecordFilter.parse(call.request().query("q"), definition);
        } catch (RecordFilter.InvalidQueryException e) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE, e.getMessage());
        }
        ObjectRecords.Page page = store.of(call.object()).page(filter, cursor, pageSize);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("count", page.totalMatching());
        body.putArray("records").addAll(page.records());
        if (page.nextCursor() != null) {
            body.put("cursor", page.nextCursor());
        }
        return ZuoraResponses.json(200, body);
    }

    private static int pageSize(String value, boolean withCursor) {
        if (value == null) {
            if (withCursor) {
                throw new InvalidRequestException(ZuoraErrorCodes.MISSING_REQUIRED_FIELD,
                        "pageSize is required when cursor is given.");
            }
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int pageSize = Integer.parseInt(value);
            if (pageSize >= 1 && pageSize <= MAX_PAGE_SIZE) {
                return pageSize;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range value
        }
        throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE,
                "pageSize must be an integer from 1 to " + MAX_PAGE_SIZE + ", was [" + value + "].");
    }
}
