package io.github.camelsaas.simulator.zuora;

import java.util.List;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * {@code GET /objects/definitions/default[/{object}]} and {@code POST /objects/definitions/default}: the tenant's
 * definitions, and new ones. A create defines every object of its body or, when one of them is invalid or defined
 * already, none; it answers the new definitions in the list's shape ({@code count} being their number).
 */
final class DefinitionsEndpoint {

    private final DefinitionRegistry definitions;

    DefinitionsEndpoint(DefinitionRegistry definitions) {
        this.definitions = definitions;
    }

    SimResponse list(ZuoraCall call) {
        boolean typesOnly = "type".equals(call.request().query("select"));
        return ZuoraResponses.json(200, DefinitionJson.list(definitions.all(), typesOnly));
    }

    SimResponse get(ZuoraCall call) {
        return definitions.find(call.object())
                .map(definition -> ZuoraResponses.json(200, DefinitionJson.definition(definition)))
                .orElseGet(() -> ZuoraResponses.notFound(
                        "Custom object definition [" + call.object() + "] does not exist.", call.requestId()));
    }

    SimResponse create(ZuoraCall call) {
        try {
            List<ObjectDefinition> created = DefinitionRequestReader.read(JsonBodies.object(call.request()));
            definitions.defineAll(created);
            return ZuoraResponses.json(200, DefinitionJson.list(created, false));
        } catch (InvalidRequestException e) {
            // the documented 400 of this operation is a CommonResponse, not the records' error shape
            return ZuoraResponses.commonError(400, e.code(), e.getMessage(), call.requestId());
        }
    }
}
