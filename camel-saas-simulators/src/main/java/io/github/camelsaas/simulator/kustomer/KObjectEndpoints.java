package io.github.camelsaas.simulator.kustomer;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * KObjects (custom objects) by klass name: create (also customer-scoped), get, update, delete, external-id lookup, and
 * lists: the klass's, a customer's and a company's.
 */
final class KObjectEndpoints {

    private static final String KOBJECT = "kobject";

    private final EndpointSupport support;

    KObjectEndpoints(EndpointSupport support) {
        this.support = support;
    }

    void register(RouteTable routes) {
        routes.add("POST", "/v1/klasses/{name}", Permission.create(KOBJECT), this::create)
                .add("GET", "/v1/klasses/{name}", Permission.read("klass"), this::list)
                .add("GET", "/v1/klasses/{name}/{id}", Permission.read(KOBJECT), this::get)
                .add("PUT", "/v1/klasses/{name}/{id}", Permission.update(KOBJECT), this::update)
                .add("DELETE", "/v1/klasses/{name}/{id}", Permission.delete(KOBJECT), this::delete)
                .add("GET", "/v1/klasses/{name}/externalId={externalId}", Permission.read(KOBJECT), this::byExternalId)
                .add("POST", "/v1/customers/{id}/klasses/{name}", Permission.create(KOBJECT), this::createForCustomer)
                .add("GET", "/v1/customers/{id}/klasses/{name}", Permission.read("customer"), this::listForCustomer)
                .add("GET", "/v1/companies/{id}/klasses/{name}", Permission.read("company"), this::listForCompany);
    }

    private SimResponse create(Call call) {
        String klass = EndpointSupport.klassName(call);
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.kobject(body, klass, null, call)));
    }

    private SimResponse createForCustomer(Call call) {
        String klass = EndpointSupport.klassName(call);
        StoredObject customer = support.pathRecord(call, "id", ResourceKind.CUSTOMER);
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.kobject(body, klass, customer, call)));
    }

    private SimResponse get(Call call) {
        String klass = EndpointSupport.klassName(call);
        String id = call.objectIdParam("id");
        return support.store.existingKlass(klass).flatMap(c -> c.get(id))
                .map(record -> support.document(200, record))
                .orElseThrow(() -> notFound(klass, id));
    }

    private SimResponse update(Call call) {
        String klass = EndpointSupport.klassName(call);
        String id = call.objectIdParam("id");
        ResourceCollection objects = support.store.existingKlass(klass).orElseThrow(() -> notFound(klass, id));
        return support.update(call, objects, ResourceKind.KOBJECT, id, f -> ResourceRules.kobjectUpdate(f, false), false);
    }

    private SimResponse delete(Call call) {
        String klass = EndpointSupport.klassName(call);
        String id = call.objectIdParam("id");
        boolean deleted = support.store.existingKlass(klass).map(c -> c.delete(id)).orElse(false);
        if (!deleted) {
            throw notFound(klass, id);
        }
        return SimResponse.empty(204);
    }

    private SimResponse list(Call call) {
        String klass = EndpointSupport.klassName(call);
        var records = support.store.existingKlass(klass).map(ResourceCollection::all).orElseGet(java.util.List::of);
        return support.list(call, EndpointSupport.changedSince(call, records), "/v1/klasses/" + klass);
    }

    private SimResponse listForCustomer(Call call) {
        String klass = EndpointSupport.klassName(call);
        StoredObject customer = support.pathRecord(call, "id", ResourceKind.CUSTOMER);
        var records = support.store.existingKlass(klass)
                .map(c -> c.ownedBy(customer.id())).orElseGet(java.util.List::of);
        return support.list(call, records, "/v1/customers/" + customer.id() + "/klasses/" + klass);
    }

    private SimResponse listForCompany(Call call) {
        String klass = EndpointSupport.klassName(call);
        StoredObject company = support.pathRecord(call, "id", ResourceKind.COMPANY);
        var records = support.store.existingKlass(klass)
                .map(c -> c.list(k -> company.id().equals(k.companyId()))).orElseGet(java.util.List::of);
        return support.list(call, records, "/v1/companies/" + company.id() + "/klasses/" + klass);
    }

    private SimResponse byExternalId(Call call) {
        String klass = EndpointSupport.klassName(call);
        String externalId = call.param("externalId");
        return support.store.existingKlass(klass).flatMap(c -> c.byExternalId(externalId))
                .map(record -> support.document(200, record))
                .orElseThrow(() -> ApiException.notFound("externalId",
                        "no " + klass + " KObject with externalId '" + externalId + "'"));
    }

    private static ApiException notFound(String klass, String id) {
        return ApiException.notFound("id", klass + " KObject " + id + " not found");
    }
}
