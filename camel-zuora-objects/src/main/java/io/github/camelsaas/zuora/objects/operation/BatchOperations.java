package io.github.camelsaas.zuora.objects.operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.camelsaas.common.batch.Chunk;
import io.github.camelsaas.common.batch.Chunker;
import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.common.failure.CallFailures;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.json.BodyItems;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraError;
import io.github.camelsaas.zuora.objects.api.ZuoraPaths;
import io.github.camelsaas.zuora.objects.api.ZuoraRequest;
import io.github.camelsaas.zuora.objects.record.RecordIds;
import io.github.camelsaas.zuora.objects.record.RecordRules;
import io.github.camelsaas.zuora.objects.record.SystemFields;

/**
 * {@code batchUpdate}, {@code batchDelete} and {@code delete} of a list: {@code POST /objects/batch/default/{object}}
 * in calls of {@code batchSize}. Zuora names failed updates by their {@code Id}, so outcomes map back exactly; a
 * delete call succeeds or fails as a whole. Each record's outcome carries its Id.
 */
public final class BatchOperations {

    /**
     * One record of a batch: its input position, its id, for an update the fields to set, and the input element
     * as given (what a FailedRecord carries, for dead-lettering).
     */
    private record BatchItem(int index, String id, Map<String, Object> fields, Object input) {
    }

    private final ZuoraApi api;
    private final String batchPath;
    private final boolean allowPartialSuccess;
    private final int batchSize;
    private final RecordRules rules;

    public BatchOperations(ZuoraApi api, String object, boolean allowPartialSuccess, int batchSize,
                           RecordRules rules) {
        this.api = api;
        this.batchPath = ZuoraPaths.batch(object);
        this.allowPartialSuccess = allowPartialSuccess;
        this.batchSize = batchSize;
        this.rules = rules;
    }

    /**
     * Updates records that each carry their {@code Id}; the body becomes the list of outcomes. A record without a
     * usable Id, with the Id of an earlier one, or breaking a field rule is reported (validation, not sent) and the
     * others are sent, as for a create.
     */
    public CompletableFuture<ExchangeResult> batchUpdate(Object body, CallContext call) {
        List<Map<String, Object>> records = api.json().toRecords(body);
        List<BatchItem> items = new ArrayList<>(records.size());
        List<FailedRecord> invalid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            try {
                String id = requireId(record.get(SystemFields.ID), i);
                Integer earlier = seen.putIfAbsent(id, i);
                if (earlier != null) {
                    throw new InvalidBodyException("Record " + i + " has the same Id as record " + earlier + ": a "
                            + "batch update takes each record once", i, null);
                }
                items.add(new BatchItem(i, id, rules.prepare(SystemFields.withoutSystemFields(record), i), record));
            } catch (InvalidBodyException e) {
                invalid.add(FailedRecord.validation(i, record, e.getMessage()));
            }
        }
        return run(items, records.size(), invalid, this::updateBody, this::settleUpdate, call)
                .thenApply(outcomes -> result(outcomes, outcomes));
    }

    /** Deletes records by id; the body becomes the list of outcomes. */
    public CompletableFuture<ExchangeResult> batchDelete(Object body, CallContext call) {
        List<BatchItem> items = deleteItems(body);
        return run(items, items.size(), List.of(), this::deleteBody, this::settleDelete, call)
                .thenApply(outcomes -> result(outcomes, outcomes));
    }

    /** {@code delete} with a list body: as {@link #batchDelete}, but the body becomes null like a single delete. */
    public CompletableFuture<ExchangeResult> deleteAll(Object body, CallContext call) {
        List<BatchItem> items = deleteItems(body);
        return run(items, items.size(), List.of(), this::deleteBody, this::settleDelete, call)
                .thenApply(outcomes -> result(outcomes, null));
    }

    private List<BatchItem> deleteItems(Object body) {
        List<Object> ids = idsOf(body);
        List<BatchItem> items = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Object id = ids.get(i) instanceof Map<?, ?> record ? record.get(SystemFields.ID) : ids.get(i);
            items.add(new BatchItem(i, requireId(id, i), null, ids.get(i)));
        }
        return items;
    }

    private List<Object> idsOf(Object body) {
        return BodyItems.idsToDelete(body, api.json(), SystemFields.ID);
    }

    private static String requireId(Object id, int index) {
        try {
            return RecordIds.require(id, "record " + index);
        } catch (IllegalArgumentException e) {
            throw new InvalidBodyException(e.getMessage() + "; nothing was sent", index, e);
        }
    }

    /**
     * @param total   how many records the message held
     * @param invalid the records refused before sending, settled as they are
     */
    private CompletableFuture<List<RecordOutcome<String>>> run(List<BatchItem> items, int total,
                                                               List<FailedRecord> invalid,
                                                               Function<List<BatchItem>, byte[]> bodyOf,
                                                               Settler settler, CallContext call) {
        OutcomeCollector<String> out = new OutcomeCollector<>(total);
        invalid.forEach(out::fail);
        Map<Integer, Object> inputs = new HashMap<>();
        items.forEach(item -> inputs.put(item.index(), item.input()));
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (Chunk<BatchItem> chunk : Chunker.split(items, batchSize, Long.MAX_VALUE, item -> 0)) {
            List<BatchItem> batch = chunk.records();
            ZuoraRequest request = ZuoraRequest.post(batchPath, bodyOf.apply(batch), true);
            calls.add(api.send(request, call)
                    .thenAccept(response -> settler.settle(request, response, batch, out))
                    .exceptionally(failure -> {
                        failUnsettled(batch, failure, out);
                        return null;
                    }));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
            out.failRemaining(index -> FailedRecord.notSent(index, inputs.get(index),
                    "no outcome was recorded for this record (a defect, please report it)", false));
            return out.outcomes();
        });
    }

    /** Settles every record of one batch call from its answer. */
    @FunctionalInterface
    private interface Settler {
        void settle(ZuoraRequest request, SaasHttpResponse response, List<BatchItem> batch,
                    OutcomeCollector<String> out);
    }

    private byte[] updateBody(List<BatchItem> batch) {
        Map<String, Object> records = new LinkedHashMap<>();
        batch.forEach(item -> records.put(item.id(), item.fields()));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "update");
        action.put("allowPartialSuccess", allowPartialSuccess);
        action.put("records", records);
        return api.json().write(Map.of("action", action));
    }

    private byte[] deleteBody(List<BatchItem> batch) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "delete");
        action.put("ids", batch.stream().map(BatchItem::id).toList());
        return api.json().write(Map.of("action", action));
    }

    private void settleUpdate(ZuoraRequest request, SaasHttpResponse response, List<BatchItem> batch,
                              OutcomeCollector<String> out) {
        int status = response.status();
        ZuoraError error;
        if (status == 200) {
            Map<String, Object> answer = response.bodyLength() == 0 ? Map.of() : api.readObject(request, response);
            @SuppressWarnings("unchecked")
            ZuoraError partial = answer.get("error") instanceof Map<?, ?> body
                    ? ZuoraError.fromBody((Map<String, Object>) body) : null;
            error = partial;
        } else {
            error = ZuoraError.of(response, api.json());
        }
        Set<String> failedIds = new HashSet<>();
        Map<String, BatchItem> byId = new HashMap<>();
        batch.forEach(item -> byId.put(item.id(), item));
        int unmatchedDetails = 0;
        if (error != null && (status == 200 || status == 400)) {
            for (ZuoraError.Detail detail : error.details()) {
                Object id = detail.record() == null ? null : detail.record().get(SystemFields.ID);
                BatchItem item = id == null ? null : byId.get(String.valueOf(id));
                if (item == null) {
                    unmatchedDetails++;
                } else if (failedIds.add(item.id())) {
                    out.fail(FailedRecord.fromResponse(item.index(), item.input(), status, detail.code(),
                            ZuoraError.safe(detail.message(), api.secrets()), detail.asksForRetry()));
                }
            }
        }
        if (status == 200 && unmatchedDetails > 0) {
            // Zuora reported failures it did not tie to a record: no record of the call can be called updated.
            // Updates are idempotent, so these may be sent again safely.
            for (BatchItem item : batch) {
                if (!failedIds.contains(item.id())) {
                    out.fail(FailedRecord.fromResponse(item.index(), item.input(), status, error.code(),
                            "may or may not have been updated: Zuora reported " + unmatchedDetails
                            + " failure(s) without naming the record" + " (" + error.describe(api.secrets()) + ")",
                            true));
                }
            }
            return;
        }
        boolean innocent = status == 400 && !failedIds.isEmpty() && !allowPartialSuccess;
        String message = innocent
                ? "not updated: Zuora refused the whole call because other records in it failed validation "
                  + "(allowPartialSuccess=false)"
                : request + " answered " + status + (error == null ? "" : " (" + error.describe(api.secrets()) + ")");
        for (BatchItem item : batch) {
            if (failedIds.contains(item.id())) {
                continue;
            }
            if (status == 200) {
                out.succeed(item.index(), item.id());
            } else {
                out.fail(FailedRecord.fromResponse(item.index(), item.input(), status, error.code(), message,
                        innocent || RetryRules.mayResend(status, true)));
            }
        }
    }

    private void settleDelete(ZuoraRequest request, SaasHttpResponse response, List<BatchItem> batch,
                              OutcomeCollector<String> out) {
        if (response.isSuccessful()) {
            batch.forEach(item -> out.succeed(item.index(), item.id()));
            return;
        }
        ZuoraError error = ZuoraError.of(response, api.json());
        String message = request + " answered " + response.status() + " (" + error.describe(api.secrets()) + ")";
        batch.forEach(item -> out.fail(FailedRecord.fromResponse(item.index(), item.input(), response.status(),
                error.code(), message, RetryRules.mayResend(response.status(), true))));
    }

    private void failUnsettled(List<BatchItem> batch, Throwable failure, OutcomeCollector<String> out) {
        Set<Integer> open = new HashSet<>(out.unsettledIndexes());
        for (BatchItem item : batch) {
            if (open.contains(item.index())) {
                out.fail(CallFailures.of(item.index(), item.input(), failure, true, "", api.secrets()));
            }
        }
    }

    private static ExchangeResult result(List<RecordOutcome<String>> outcomes, Object body) {
        return ExchangeResult.ofRecords(outcomes, false).answering(body);
    }
}
