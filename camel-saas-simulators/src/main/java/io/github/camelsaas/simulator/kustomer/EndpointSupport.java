package io.github.camelsaas.simulator.kustomer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.camelsaas.simulator.common.SimResponse;

/** What the endpoint classes share: the store, rendering, record building and the steps every read and update takes. */
final class EndpointSupport {

    private static final Pattern KLASS_NAME = Pattern.compile("[0-9a-zA-Z_-]+");

    final KustomerStore store;
    final ResourceRenderer renderer;
    final RecordFactory factory;
    final CreateCommit commit;
    private final java.util.function.IntSupplier defaultPageSize;

    EndpointSupport(KustomerStore store, KustomerRateLimits limits, java.util.function.IntSupplier defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
        this.store = store;
        this.renderer = new ResourceRenderer(store);
        this.factory = new RecordFactory(store);
        this.commit = new CreateCommit(store, limits);
    }

    SimResponse document(int status, StoredObject record) {
        return SimResponse.json(status, JsonApi.document(renderer.render(record)));
    }

    /**
     * A paged list of records in creation order (oldest first, so paging is stable while records are added), newest
     * first with {@code sort=desc} where the path takes it; meta and links as most list paths answer them.
     */
    SimResponse list(Call call, List<StoredObject> records, String basePath) {
        return list(call, records, basePath, JsonApi.PageTotals.NONE);
    }

    /** As {@link #list(Call, List, String)}, with the totals some paths (customers) answer as well. */
    SimResponse list(Call call, List<StoredObject> records, String basePath, JsonApi.PageTotals totals) {
        JsonApi.Paging paging = JsonApi.Paging.of(call, defaultPageSize.getAsInt());
        List<StoredObject> ordered = records;
        if ("desc".equals(call.query("sort"))) {
            ordered = new java.util.ArrayList<>(records);
            java.util.Collections.reverse(ordered);
        }
        return SimResponse.json(200, JsonApi.page(ordered, paging, basePath, totals, renderer::render));
    }

    /** The record a path variable names: 400 when it is no object id, 404 when there is none. */
    StoredObject pathRecord(Call call, String param, ResourceKind kind) {
        String id = call.objectIdParam(param);
        return store.of(kind).get(id)
                .orElseThrow(() -> ApiException.notFound(param, kind.typeName() + " " + id + " not found"));
    }

    /** The klass name of the path, which Kustomer restricts to {@code ^[0-9a-zA-Z_-]+$}. */
    static String klassName(Call call) {
        String name = call.param("name");
        if (!KLASS_NAME.matcher(name).matches()) {
            throw ApiException.invalidParameter("name", "klass name must match ^[0-9a-zA-Z_-]+$, was '" + name + "'");
        }
        return name;
    }

    /**
     * Updates the record {@code id} with the call's body: checks it, refuses a stale {@code rev} (409), merges (or, with
     * {@code replace}, replaces) the attributes and raises the revision.
     */
    SimResponse update(Call call, ResourceCollection collection, ResourceKind kind, String id,
            Consumer<FieldRules> rules, boolean replace) {
        Map<String, Object> body = call.bodyObject();
        rules.accept(new FieldRules(body, ""));
        try {
            return collection.update(id, current -> {
                RecordFactory.checkRev(body, current, "/rev");
                return current.updated(RecordFactory.merge(current, body, replace), call.now(), call.key().userId());
            }).map(updated -> document(200, updated))
                    .orElseThrow(() -> ApiException.notFound("id", kind.typeName() + " " + id + " not found"));
        } catch (ResourceCollection.DuplicateExternalIdException e) {
            throw ApiException.conflict("/externalId", "externalId '" + e.externalId + "' is already used");
        }
    }

    /** The records changed at or after the {@code fromDate} query parameter, when given. */
    static List<StoredObject> changedSince(Call call, List<StoredObject> records) {
        String fromDate = call.query("fromDate");
        if (fromDate == null) {
            return records;
        }
        Instant from = Timestamps.parse(fromDate);
        if (from == null) {
            throw ApiException.invalidParameter("fromDate", "fromDate must be an ISO-8601 date-time, was " + fromDate);
        }
        return records.stream().filter(r -> !r.updatedAt().isBefore(from)).toList();
    }
}
