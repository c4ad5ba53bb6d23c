package io.github.camelsaas.simulator.kustomer;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * Messages: create ({@code channel}, {@code app} and, on {@code POST /v1/messages}, {@code direction} required, as
 * the spec's schemas say per endpoint), conversation- and customer-scoped creates, get, lists.
 */
final class MessageEndpoints {

    private static final String MESSAGE = "message";

    private final EndpointSupport support;

    MessageEndpoints(EndpointSupport support) {
        this.support = support;
    }

    void register(RouteTable routes) {
        routes.add("POST", "/v1/messages", Permission.create(MESSAGE), this::create)
                .add("GET", "/v1/messages", Permission.read(MESSAGE), this::list)
                .add("GET", "/v1/messages/{id}", Permission.read(MESSAGE), this::get)
                .add("POST", "/v1/conversations/{id}/messages", Permission.create(MESSAGE), this::createInConversation)
                .add("GET", "/v1/conversations/{id}/messages", Permission.read(MESSAGE), this::listForConversation)
                .add("POST", "/v1/customers/{id}/messages", Permission.create(MESSAGE), this::createForCustomer)
                .add("GET", "/v1/customers/{id}/messages", Permission.read(MESSAGE), this::listForCustomer);
    }

    private ResourceCollection messages() {
        return support.store.of(ResourceKind.MESSAGE);
    }

    private SimResponse create(Call call) {
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.message(body, true, null, null, call)));
    }

    private SimResponse createInConversation(Call call) {
        StoredObject conversation = support.pathRecord(call, "id", ResourceKind.CONVERSATION);
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201,
                support.commit.one(support.factory.message(body, false, conversation, null, call)));
    }

    private SimResponse createForCustomer(Call call) {
        StoredObject customer = support.pathRecord(call, "id", ResourceKind.CUSTOMER);
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.message(body, false, null, customer, call)));
    }

    private SimResponse get(Call call) {
        return support.document(200, support.pathRecord(call, "id", ResourceKind.MESSAGE));
    }

    private SimResponse list(Call call) {
        return support.list(call, messages().all(), "/v1/messages");
    }

    private SimResponse listForConversation(Call call) {
        StoredObject conversation = support.pathRecord(call, "id", ResourceKind.CONVERSATION);
        return support.list(call, messages().ownedBy(conversation.id()),
                "/v1/conversations/" + conversation.id() + "/messages");
    }

    private SimResponse listForCustomer(Call call) {
        StoredObject customer = support.pathRecord(call, "id", ResourceKind.CUSTOMER);
        return support.list(call, messages().list(m -> customer.id().equals(m.customerId())),
                "/v1/customers/" + customer.id() + "/messages");
    }
}
