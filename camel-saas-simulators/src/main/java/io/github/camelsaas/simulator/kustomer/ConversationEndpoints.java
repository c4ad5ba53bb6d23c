package io.github.camelsaas.simulator.kustomer;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * Conversations: create ({@code customer} required, or customer-scoped path), get, update (PUT and PATCH both merge),
 * delete, lists, external-id lookup (external ids unique per org).
 */
final class ConversationEndpoints {

    private static final String CONVERSATION = "conversation";

    private final EndpointSupport support;

    ConversationEndpoints(EndpointSupport support) {
        this.support = support;
    }

    void register(RouteTable routes) {
        routes.add("POST", "/v1/conversations", Permission.create(CONVERSATION), this::create)
                .add("GET", "/v1/conversations", Permission.read(CONVERSATION), this::list)
                .add("GET", "/v1/conversations/{id}", Permission.read(CONVERSATION), this::get)
                .add("PUT", "/v1/conversations/{id}", Permission.update(CONVERSATION), this::update)
                .add("PATCH", "/v1/conversations/{id}", Permission.update(CONVERSATION), this::update)
                .add("DELETE", "/v1/conversations/{id}", Permission.delete(CONVERSATION), this::delete)
                .add("GET", "/v1/conversations/externalId={externalId}", Permission.read(CONVERSATION),
                        this::byExternalId)
                .add("POST", "/v1/customers/{id}/conversations", Permission.create(CONVERSATION),
                        this::createForCustomer)
                .add("GET", "/v1/customers/{id}/conversations", Permission.read(CONVERSATION), this::listForCustomer);
    }

    private ResourceCollection conversations() {
        return support.store.of(ResourceKind.CONVERSATION);
    }

    private SimResponse create(Call call) {
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.conversation(body, null, call)));
    }

    private SimResponse createForCustomer(Call call) {
        StoredObject customer = support.pathRecord(call, "id", ResourceKind.CUSTOMER);
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.conversation(body, customer, call)));
    }

    private SimResponse get(Call call) {
        return support.document(200, support.pathRecord(call, "id", ResourceKind.CONVERSATION));
    }

    private SimResponse update(Call call) {
        return support.update(call, conversations(), ResourceKind.CONVERSATION, call.objectIdParam("id"),
                ResourceRules::conversationUpdate, false);
    }

    private SimResponse delete(Call call) {
        String id = call.objectIdParam("id");
        if (!conversations().delete(id)) {
            throw ApiException.notFound("id", "conversation " + id + " not found");
        }
        return SimResponse.empty(204);
    }

    private SimResponse list(Call call) {
        return support.list(call, conversations().all(), "/v1/conversations");
    }

    private SimResponse listForCustomer(Call call) {
        StoredObject customer = support.pathRecord(call, "id", ResourceKind.CUSTOMER);
        return support.list(call, EndpointSupport.changedSince(call,
                conversations().ownedBy(customer.id())),
                "/v1/customers/" + customer.id() + "/conversations");
    }

    private SimResponse byExternalId(Call call) {
        String externalId = call.param("externalId");
        return conversations().byExternalId(externalId).map(c -> support.document(200, c))
                .orElseThrow(() -> ApiException.notFound("externalId",
                        "no conversation with externalId '" + externalId + "'"));
    }
}
