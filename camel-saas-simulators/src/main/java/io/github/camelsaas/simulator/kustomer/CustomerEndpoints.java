package io.github.camelsaas.simulator.kustomer;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * Customers: create, get, update (PUT merges unless {@code ?replace=true}; PATCH merges), delete, list, and lookups
 * by external id and by email. External ids are unique per org: a second customer with a taken one is a 409
 * conflict, the status Kustomer documents for conflicts. Emails need not be unique; the lookup answers the oldest.
 */
final class CustomerEndpoints {

    private static final String CUSTOMER = "customer";

    private final EndpointSupport support;

    CustomerEndpoints(EndpointSupport support) {
        this.support = support;
    }

    void register(RouteTable routes) {
        routes.add("POST", "/v1/customers", Permission.create(CUSTOMER), this::create)
                .add("GET", "/v1/customers", Permission.read(CUSTOMER), this::list)
                .add("GET", "/v1/customers/{id}", Permission.read(CUSTOMER), this::get)
                .add("PUT", "/v1/customers/{id}", Permission.update(CUSTOMER), this::put)
                .add("PATCH", "/v1/customers/{id}", Permission.update(CUSTOMER), this::patch)
                .add("DELETE", "/v1/customers/{id}", Permission.delete(CUSTOMER), this::delete)
                .add("GET", "/v1/customers/externalId={externalId}", Permission.read(CUSTOMER), this::byExternalId)
                .add("GET", "/v1/customers/email={email}", Permission.read(CUSTOMER), this::byEmail);
    }

    private ResourceCollection customers() {
        return support.store.of(ResourceKind.CUSTOMER);
    }

    private SimResponse create(Call call) {
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.customer(body, call)));
    }

    private SimResponse get(Call call) {
        return support.document(200, support.pathRecord(call, "id", ResourceKind.CUSTOMER));
    }

    private SimResponse put(Call call) {
        String replace = call.query("replace");
        if (replace != null && !replace.equals("true") && !replace.equals("false")) {
            throw ApiException.invalidParameter("replace", "replace must be true or false, was " + replace);
        }
        return support.update(call, customers(), ResourceKind.CUSTOMER, call.objectIdParam("id"),
                f -> ResourceRules.customer(f, false), "true".equals(replace));
    }

    private SimResponse patch(Call call) {
        return support.update(call, customers(), ResourceKind.CUSTOMER, call.objectIdParam("id"),
                f -> ResourceRules.customer(f, false), false);
    }

    private SimResponse delete(Call call) {
        String id = call.objectIdParam("id");
        if (!customers().delete(id)) {
            throw ApiException.notFound("id", "customer " + id + " not found");
        }
        return SimResponse.empty(204);
    }

    private SimResponse list(Call call) {
        // the one list whose answer the spec gives totals: meta.total, meta.totalPages, links.last
        return support.list(call, customers().all(), "/v1/customers", JsonApi.PageTotals.COUNTED);
    }

    private SimResponse byExternalId(Call call) {
        String externalId = call.param("externalId");
        return customers().byExternalId(externalId).map(c -> support.document(200, c))
                .orElseThrow(() -> ApiException.notFound("externalId", "no customer with externalId '" + externalId + "'"));
    }

    private SimResponse byEmail(Call call) {
        String email = call.param("email");
        List<StoredObject> matching = customers().list(c -> hasEmail(c, email));
        if (matching.isEmpty()) {
            throw ApiException.notFound("email", "no customer with email '" + email + "'");
        }
        return support.document(200, matching.get(0));
    }

    private static boolean hasEmail(StoredObject customer, String email) {
        if (customer.attribute("emails") instanceof List<?> emails) {
            for (Object entry : emails) {
                if (entry instanceof Map<?, ?> map && map.get("email") instanceof String address
                        && address.equalsIgnoreCase(email)) {
                    return true;
                }
            }
        }
        return false;
    }
}
