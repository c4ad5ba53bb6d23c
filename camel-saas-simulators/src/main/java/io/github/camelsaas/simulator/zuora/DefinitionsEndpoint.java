package io.github.camelsaas.simulator.zuora;

import io.github.camelsaas.simulator.common.SimResponse;

/** {@code GET /objects/definitions/default[/{object}]}. */
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
}
