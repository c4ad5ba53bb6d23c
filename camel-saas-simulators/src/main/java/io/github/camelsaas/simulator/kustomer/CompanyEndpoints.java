package io.github.camelsaas.simulator.kustomer;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * Companies: create ({@code name} 3-256 characters), get, update (merge), list (filtered by {@code externalId}, or by
 * {@code filter} on the name; both together are ignored, as the spec says).
 */
final class CompanyEndpoints {

    private static final String COMPANY = "company";

    private final EndpointSupport support;

    CompanyEndpoints(EndpointSupport support) {
        this.support = support;
    }

    void register(RouteTable routes) {
        routes.add("POST", "/v1/companies", Permission.create(COMPANY), this::create)
                .add("GET", "/v1/companies", Permission.read(COMPANY), this::list)
                .add("GET", "/v1/companies/{id}", Permission.read(COMPANY), this::get)
                .add("PUT", "/v1/companies/{id}", Permission.update(COMPANY), this::update);
    }

    private SimResponse create(Call call) {
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.company(body, call)));
    }

    private SimResponse get(Call call) {
        return support.document(200, support.pathRecord(call, "id", ResourceKind.COMPANY));
    }

    private SimResponse update(Call call) {
        return support.update(call, support.store.of(ResourceKind.COMPANY), ResourceKind.COMPANY,
                call.objectIdParam("id"), f -> ResourceRules.company(f, false, false), false);
    }

    private SimResponse list(Call call) {
        String externalId = call.query("externalId");
        String filter = call.query("filter");
        java.util.List<StoredObject> companies = support.store.of(ResourceKind.COMPANY).all();
        if (externalId != null && filter == null) {
            companies = companies.stream().filter(c -> externalId.equals(c.externalId())).toList();
        } else if (filter != null && externalId == null) {
            String part = filter.toLowerCase(java.util.Locale.ROOT);
            companies = companies.stream().filter(c -> c.attribute("name") instanceof String name
                    && name.toLowerCase(java.util.Locale.ROOT).contains(part)).toList();
        }
        return support.list(call, companies, "/v1/companies");
    }
}
