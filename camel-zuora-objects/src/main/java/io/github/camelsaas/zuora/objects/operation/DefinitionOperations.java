package io.github.camelsaas.zuora.objects.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.zuora.objects.ZuoraApiException;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraPaths;
import io.github.camelsaas.zuora.objects.api.ZuoraRequest;
import io.github.camelsaas.zuora.objects.definition.DefinitionsBody;

/**
 * The operations on custom object definitions, each one call: {@code describe} (the endpoint's object),
 * {@code listDefinitions} and {@code createDefinitions} (the tenant's, whatever the endpoint's object). Zuora answers
 * several definitions as a map by API name ({@code {"count", "definitions": {name: definition}}}); these answer them
 * as a list, each definition carrying its name in {@code type}.
 */
public final class DefinitionOperations {

    private final ZuoraApi api;
    private final String object;

    public DefinitionOperations(ZuoraApi api, String object) {
        this.api = api;
        this.object = object;
    }

    /** {@code describe}: the endpoint object's definition as a Map; a null body when it has none (404). */
    public CompletableFuture<ExchangeResult> describe(CallContext call) {
        return api.sendForObjectOrNull(ZuoraRequest.get(ZuoraPaths.definition(object)), call)
                .thenApply(ExchangeResult::of);
    }

    /** {@code listDefinitions}: every definition of the tenant, in Zuora's order. */
    public CompletableFuture<ExchangeResult> list(CallContext call) {
        ZuoraRequest request = ZuoraRequest.get(ZuoraPaths.definitions());
        return api.sendForObject(request, call)
                .thenApply(answer -> ExchangeResult.of(definitions(request, answer, call)));
    }

    /**
     * {@code createDefinitions}: sends the body's definitions and answers the created ones. Not idempotent (a
     * second delivery would find the objects defined), so not replayed after an answer that may mean it was applied.
     *
     * @throws io.github.camelsaas.common.json.InvalidBodyException for a body that is not a definitions request
     *                                                              (nothing sent)
     */
    public CompletableFuture<ExchangeResult> create(Object body, CallContext call) {
        Map<String, Object> definitions = DefinitionsBody.check(body, api.json());
        ZuoraRequest request = ZuoraRequest.post(ZuoraPaths.definitions(), api.json().write(definitions), false);
        return api.sendForObject(request, call)
                .thenApply(answer -> ExchangeResult.of(definitions(request, answer, call)));
    }

    /** The values of the answer's {@code definitions} map. */
    private static List<Object> definitions(ZuoraRequest request, Map<String, Object> answer, CallContext call) {
        Object byName = answer.get("definitions");
        if (byName == null) {
            // Zuora leaves the member out when there is nothing to list
            return new ArrayList<>();
        }
        if (!(byName instanceof Map<?, ?> map)) {
            throw new ZuoraApiException(request + " answered a definitions member that is not a JSON object", 200,
                    null, call.lastRequestId(), null);
        }
        return new ArrayList<>(map.values());
    }
}
