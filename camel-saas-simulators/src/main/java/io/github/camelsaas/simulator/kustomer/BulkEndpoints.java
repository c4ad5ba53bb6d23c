package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * The {@code /bulk} endpoints: a JSON array of at most 100 items, all of which are checked before any is stored; one
 * invalid item refuses the whole request with a 400 naming it ({@code source.pointer} {@code /<index>/<member>}), as
 * integrators report of Kustomer. The answer is a bulk job ({@code type: bulk}, {@code status: complete}, status code
 * per the spec: 201 for most, 200 for KObject updates and for messages). {@code GET /v1/bulk/{id}} answers the job
 * again: Kustomer's answers link there, but whether it can really be polled is unconfirmed.
 */
final class BulkEndpoints {

    static final int MAX_ITEMS = 100;

    /** Checks one item (its rules know its index) and builds what it would store. */
    @FunctionalInterface
    private interface ItemPreparer {
        RecordFactory.Prepared prepare(FieldRules item);
    }

    private final EndpointSupport support;
    private final BooleanSupplier returnIds;

    BulkEndpoints(EndpointSupport support, BooleanSupplier returnIds) {
        this.support = support;
        this.returnIds = returnIds;
    }

    void register(RouteTable routes) {
        routes.add("POST", "/v1/klasses/{name}/bulk", Permission.create("kobject"), call -> {
            String klass = EndpointSupport.klassName(call);
            return create(call, "kobjects", "/v1/klasses/" + klass, 201,
                    f -> support.factory.kobject(f, klass, null, call));
        }).add("PUT", "/v1/klasses/{name}/bulk", Permission.update("kobject"), call -> {
            String klass = EndpointSupport.klassName(call);
            return update(call, "kobjects", "/v1/klasses/" + klass, 200, support.store.klass(klass),
                    f -> ResourceRules.kobjectUpdate(f, true));
        }).add("DELETE", "/v1/klasses/{name}/bulk", Permission.delete("kobject"), call -> {
            String klass = EndpointSupport.klassName(call);
            return delete(call, "kobjects", "/v1/klasses/" + klass, support.store.klass(klass));
        });

        routes.add("POST", "/v1/customers/bulk", Permission.create("customer"),
                call -> create(call, "customers", "/v1/customers", 201, f -> support.factory.customer(f, call)))
                .add("PUT", "/v1/customers/bulk", Permission.update("customer"),
                        call -> update(call, "customers", "/v1/customers", 201, collection(ResourceKind.CUSTOMER),
                                f -> ResourceRules.customer(f, true)))
                .add("DELETE", "/v1/customers/bulk", Permission.delete("customer"),
                        call -> delete(call, "customers", "/v1/customers", collection(ResourceKind.CUSTOMER)));

        routes.add("POST", "/v1/companies/bulk", Permission.create("company"),
                call -> create(call, "companies", "/v1/companies", 201, f -> support.factory.company(f, call)))
                .add("PUT", "/v1/companies/bulk", Permission.update("company"),
                        call -> update(call, "companies", "/v1/companies", 201, collection(ResourceKind.COMPANY),
                                f -> ResourceRules.company(f, false, true)));

        routes.add("POST", "/v1/conversations/bulk", Permission.create("conversation"),
                call -> create(call, "conversations", "/v1/conversations", 201,
                        f -> support.factory.conversation(f, null, call)))
                .add("PUT", "/v1/conversations/bulk", Permission.update("conversation"),
                        call -> update(call, "conversations", "/v1/conversations", 201,
                                collection(ResourceKind.CONVERSATION), ResourceRules::conversationUpdate));

        routes.add("POST", "/v1/messages/bulk", Permission.create("message"),
                call -> create(call, "messages", "/v1/messages", 200,
                        f -> support.factory.message(f, false, null, null, call)))
                .add("PUT", "/v1/messages/bulk", Permission.update("message"),
                        call -> update(call, "messages", "/v1/messages", 200, collection(ResourceKind.MESSAGE),
                                ResourceRules::messageUpdate));

        routes.add("POST", "/v1/notes/bulk", Permission.create("note"),
                call -> create(call, "notes", "/v1/notes", 201, f -> support.factory.note(f, null, call)))
                .add("PUT", "/v1/notes/bulk", Permission.update("note"),
                        call -> update(call, "notes", "/v1/notes", 201, collection(ResourceKind.NOTE),
                                ResourceRules::noteUpdate));

        routes.add("GET", "/v1/bulk/{id}", null, this::job);
    }

    private ResourceCollection collection(ResourceKind kind) {
        return support.store.of(kind);
    }

    private SimResponse create(Call call, String service, String path, int status, ItemPreparer preparer) {
        List<Object> items = items(call);
        List<RecordFactory.Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            prepared.add(preparer.prepare(new FieldRules(itemObject(items, i), "/" + i)));
        }
        List<String> ids = new ArrayList<>();
        if (!prepared.isEmpty()) {
            support.commit.bulk(prepared).forEach(r -> ids.add(r.id()));
        }
        return answer(call, "api.sobjects." + service + ".bulk-create", path, items, ids, status);
    }

    private SimResponse update(Call call, String service, String path, int status, ResourceCollection collection,
            Consumer<FieldRules> rules) {
        List<Object> items = items(call);
        // check every item, its record and its rev before changing anything
        for (int i = 0; i < items.size(); i++) {
            FieldRules f = new FieldRules(itemObject(items, i), "/" + i);
            f.required("id");
            f.objectId("id");
            rules.accept(f);
            String id = (String) f.body().get("id");
            StoredObject current = collection.get(id).orElseThrow(() -> f.invalid("id", "names no existing record"));
            try {
                RecordFactory.checkRev(f.body(), current, "/" + i + "/rev");
            } catch (ApiException staleRev) {
                throw ApiException.conflict("/" + i + "/rev", "item " + i + ": " + staleRev.getMessage());
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) items.get(i);
            String id = (String) item.get("id");
            try {
                collection.update(id, current -> current.updated(RecordFactory.merge(current, item, false),
                        call.now(), call.key().userId()));
            } catch (ResourceCollection.DuplicateExternalIdException e) {
                throw ApiException.invalidField("/" + i + "/externalId",
                        "item " + i + ": externalId '" + e.externalId + "' is already used");
            }
            ids.add(id);
        }
        return answer(call, "api.sobjects." + service + ".bulk-update", path, items, ids, status);
    }

    private SimResponse delete(Call call, String service, String path, ResourceCollection collection) {
        String idsParam = call.query("ids");
        if (idsParam == null || idsParam.isBlank()) {
            throw ApiException.invalidParameter("ids", "ids (comma-separated object ids) is required");
        }
        List<Object> ids = new ArrayList<>(List.of((Object[]) idsParam.split(",")));
        if (ids.size() > MAX_ITEMS) {
            throw ApiException.invalidParameter("ids", "a bulk request takes at most " + MAX_ITEMS + " ids, got "
                    + ids.size());
        }
        for (Object id : ids) {
            if (!ObjectIds.isObjectId(id)) {
                throw ApiException.invalidParameter("ids", "'" + id + "' is not an object id");
            }
        }
        List<String> deleted = new ArrayList<>();
        ids.forEach(id -> {
            if (collection.delete((String) id)) {
                deleted.add((String) id);
            }
        });
        return answer(call, "api.sobjects." + service + ".bulk-delete", path, ids, deleted, 201);
    }

    private SimResponse job(Call call) {
        String id = call.objectIdParam("id");
        BulkJob job = support.store.bulkJob(id)
                .orElseThrow(() -> ApiException.notFound("id", "bulk job " + id + " not found"));
        return SimResponse.json(200, JsonApi.document(support.renderer.bulkJob(job, returnIds.getAsBoolean())));
    }

    private SimResponse answer(Call call, String context, String path, List<Object> items, List<String> ids,
            int status) {
        BulkJob job = new BulkJob(ObjectIds.next(), context, call.method(), path, items, ids, call.key().userId(),
                call.now());
        support.store.saveBulkJob(job);
        return SimResponse.json(status, JsonApi.document(support.renderer.bulkJob(job, returnIds.getAsBoolean())));
    }

    private static List<Object> items(Call call) {
        List<Object> items = call.bodyArray();
        if (items.size() > MAX_ITEMS) {
            throw ApiException.invalidField("", "a bulk request takes at most " + MAX_ITEMS + " items, got "
                    + items.size());
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> itemObject(List<Object> items, int index) {
        if (items.get(index) instanceof Map<?, ?> item) {
            return (Map<String, Object>) item;
        }
        throw ApiException.invalidField("/" + index, "item " + index + " must be a JSON object");
    }
}
