package io.github.camelsaas.zuora.objects.operation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConstants;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraPaths;
import io.github.camelsaas.zuora.objects.api.ZuoraRequest;
import io.github.camelsaas.zuora.objects.record.RecordIds;
import io.github.camelsaas.zuora.objects.record.RecordRules;
import io.github.camelsaas.zuora.objects.record.SystemFields;

/**
 * The operations on one record: each one call, whose error answer fails the message with a
 * {@link io.github.camelsaas.zuora.objects.ZuoraApiException}.
 */
public final class RecordOperations {

    private static final String ID_HEADER = "header " + ZuoraObjectsConstants.ID;

    private final ZuoraApi api;
    private final String object;
    private final RecordRules rules;

    public RecordOperations(ZuoraApi api, String object, RecordRules rules) {
        this.api = api;
        this.object = object;
        this.rules = rules;
    }

    /** {@code get}: the record as a Map; a null body when there is no record with that id (404). */
    public CompletableFuture<ExchangeResult> get(Object idHeader, CallContext call) {
        String id = RecordIds.require(idHeader, ID_HEADER);
        return api.sendForObjectOrNull(ZuoraRequest.get(ZuoraPaths.record(object, id)), call)
                .thenApply(ExchangeResult::of);
    }

    /** {@code update}: PUT of the record's fields; the id from the header, else the record's {@code Id}. */
    public CompletableFuture<ExchangeResult> update(Object body, Object idHeader, CallContext call) {
        return change("PUT", ZuoraRequest.JSON, body, idHeader, call);
    }

    /** {@code patch}: a JSON merge patch of the given fields; a null clears a field. */
    public CompletableFuture<ExchangeResult> patch(Object body, Object idHeader, CallContext call) {
        return change("PATCH", ZuoraRequest.MERGE_PATCH, body, idHeader, call);
    }

    /** {@code delete} of one record; Zuora answers 200 whether or not it existed. */
    public CompletableFuture<ExchangeResult> delete(Object idHeader, CallContext call) {
        String id = RecordIds.require(idHeader, ID_HEADER);
        ZuoraRequest request = ZuoraRequest.delete(ZuoraPaths.record(object, id));
        return api.send(request, call).thenApply(response -> {
            api.requireSuccess(request, response);
            return ExchangeResult.of(null);
        });
    }

    private CompletableFuture<ExchangeResult> change(String method, String contentType, Object body,
                                                      Object idHeader, CallContext call) {
        Map<String, Object> record = api.json().toRecord(body);
        String id = idHeader != null
                ? RecordIds.require(idHeader, ID_HEADER)
                : RecordIds.require(record.get(SystemFields.ID), ID_HEADER + " or the record's Id field");
        Map<String, Object> fields = rules.prepare(SystemFields.withoutSystemFields(record), 0);
        ZuoraRequest request = new ZuoraRequest(method, ZuoraPaths.record(object, id), api.json().write(fields),
                contentType, true);
        return api.sendForObject(request, call).thenApply(ExchangeResult::of);
    }
}
