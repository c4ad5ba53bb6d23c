package io.github.camelsaas.simulator.kustomer;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * Notes: create ({@code body} 1-10240 characters, in a conversation), conversation-scoped create, get, update,
 * delete, the org's list and a conversation's.
 */
final class NoteEndpoints {

    private static final String NOTE = "note";

    private final EndpointSupport support;

    NoteEndpoints(EndpointSupport support) {
        this.support = support;
    }

    void register(RouteTable routes) {
        routes.add("POST", "/v1/notes", Permission.create(NOTE), this::create)
                .add("GET", "/v1/notes", Permission.read(NOTE), this::list)
                .add("GET", "/v1/notes/{id}", Permission.read(NOTE), this::get)
                .add("DELETE", "/v1/notes/{id}", Permission.delete(NOTE), this::delete)
                .add("PUT", "/v1/notes/{id}", Permission.update(NOTE), this::update)
                .add("PATCH", "/v1/notes/{id}", Permission.update(NOTE), this::update)
                .add("POST", "/v1/conversations/{id}/notes", Permission.create(NOTE), this::createInConversation)
                .add("GET", "/v1/conversations/{id}/notes", Permission.read(NOTE), this::listForConversation);
    }

    private SimResponse create(Call call) {
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.note(body, null, call)));
    }

    private SimResponse createInConversation(Call call) {
        StoredObject conversation = support.pathRecord(call, "id", ResourceKind.CONVERSATION);
        FieldRules body = new FieldRules(call.bodyObject(), "");
        return support.document(201, support.commit.one(support.factory.note(body, conversation, call)));
    }

    private SimResponse get(Call call) {
        return support.document(200, support.pathRecord(call, "id", ResourceKind.NOTE));
    }

    private SimResponse update(Call call) {
        return support.update(call, support.store.of(ResourceKind.NOTE), ResourceKind.NOTE, call.objectIdParam("id"),
                ResourceRules::noteUpdate, false);
    }

    private SimResponse delete(Call call) {
        String id = call.objectIdParam("id");
        if (!support.store.of(ResourceKind.NOTE).delete(id)) {
            throw ApiException.notFound("id", "note " + id + " not found");
        }
        return SimResponse.empty(204);
    }

    private SimResponse list(Call call) {
        return support.list(call, support.store.of(ResourceKind.NOTE).all(), "/v1/notes");
    }

    private SimResponse listForConversation(Call call) {
        StoredObject conversation = support.pathRecord(call, "id", ResourceKind.CONVERSATION);
        return support.list(call, support.store.of(ResourceKind.NOTE).ownedBy(conversation.id()),
                "/v1/conversations/" + conversation.id() + "/notes");
    }
}
