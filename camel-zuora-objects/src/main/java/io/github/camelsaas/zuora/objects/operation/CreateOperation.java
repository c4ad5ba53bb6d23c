package io.github.camelsaas.zuora.objects.operation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelsaas.common.async.Delays;
import io.github.camelsaas.common.batch.Chunk;
import io.github.camelsaas.common.batch.Chunker;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.retry.Backoff;
import io.github.camelsaas.common.retry.RetryPolicy;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraPaths;
import io.github.camelsaas.zuora.objects.api.ZuoraRequest;
import io.github.camelsaas.zuora.objects.record.RecordRules;

/**
 * {@code create}: the message's records in calls of {@code batchSize}, sent concurrently (the tenant's cap
 * decides how many at once), every record settled exactly once and the outcomes merged in input order. Records
 * Zuora asks to retry (500, code 71012561) are sent again, alone, after a backoff, at most {@code maxRetries}
 * times. A create call is never replayed as a whole after an answer that may mean it was applied.
 */
public final class CreateOperation {

    private final ZuoraApi api;
    private final String recordsPath;
    private final boolean allowPartialSuccess;
    private final int batchSize;
    private final RecordRules rules;
    private final RetryPolicy recordRetries;
    private final Delays retryDelays;
    private final CreateAnswers answers;

    /**
     * @param recordRetries how often and after which backoff records Zuora asks to retry are sent again
     * @param retryDelays   times those retries (closed by the producer: waiting records then fail as not sent)
     */
    public CreateOperation(ZuoraApi api, String object, boolean allowPartialSuccess, int batchSize, RecordRules rules,
                           RetryPolicy recordRetries, Delays retryDelays) {
        this.api = api;
        this.recordsPath = ZuoraPaths.records(object);
        this.allowPartialSuccess = allowPartialSuccess;
        this.batchSize = batchSize;
        this.rules = rules;
        this.recordRetries = recordRetries;
        this.retryDelays = retryDelays;
        this.answers = new CreateAnswers(api, RecordMatcher.canonicalMapper(api.json()), allowPartialSuccess);
    }

    /**
     * The body's records as they will be sent, checked.
     *
     * @throws io.github.camelsaas.common.json.InvalidBodyException naming a bad record; nothing is sent then
     */
    public List<Map<String, Object>> prepare(Object body) {
        // a record that needs no change is the caller's own map, read-only (a large list body is then not held
        // twice); the others are fresh copies of our own, checked and changed in place, not copied a second time
        return rules.prepareOwned(api.json().toRecordsReadOnly(body, rules::needsNoChange));
    }

    /** Creates a message's records, {@linkplain #prepare prepared}, and reports every record's outcome. */
    public CompletableFuture<OperationResult> execute(List<Map<String, Object>> records, CallContext call) {
        return createAll(records, call).thenApply(outcomes -> {
            List<Map<String, Object>> created = new ArrayList<>();
            List<FailedRecord> failed = new ArrayList<>();
            for (RecordOutcome<Map<String, Object>> outcome : outcomes) {
                if (outcome.isSuccess()) {
                    created.add(outcome.value());
                } else {
                    failed.add(outcome.failedRecord());
                }
            }
            return new OperationResult(created, created, failed, records.size());
        });
    }

    /**
     * Creates prepared records; completes with one outcome per record, in input order, never exceptionally.
     */
    public CompletableFuture<List<RecordOutcome<Map<String, Object>>>> createAll(List<Map<String, Object>> records,
                                                                                 CallContext call) {
        OutcomeCollector<Map<String, Object>> out = new OutcomeCollector<>(records.size());
        // Zuora documents no body size limit for this call: chunks are cut by count alone
        List<Chunk<Map<String, Object>>> chunks = Chunker.split(records, batchSize, Long.MAX_VALUE, record -> 0);
        List<CompletableFuture<Void>> calls = new ArrayList<>(chunks.size());
        for (Chunk<Map<String, Object>> chunk : chunks) {
            List<PendingRecord> pending = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                pending.add(new PendingRecord(chunk.indexOf(i), chunk.records().get(i)));
            }
            calls.add(send(pending, 0, out, call));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
            // every path above settles its records; this only guards the promise that none is ever lost
            out.failRemaining(index -> FailedRecord.notSent(index, records.get(index),
                    "no outcome was recorded for this record (a defect, please report it)", false));
            return out.outcomes();
        });
    }

    private CompletableFuture<Void> send(List<PendingRecord> pending, int retriesDone,
                                         OutcomeCollector<Map<String, Object>> out, CallContext call) {
        ZuoraRequest request;
        try {
            request = ZuoraRequest.post(recordsPath, body(pending), false);
        } catch (RuntimeException e) {
            failUnsettled(pending, e, out);
            return CompletableFuture.completedFuture(null);
        }
        return api.send(request, call)
                .handle((response, failure) -> {
                    if (failure != null) {
                        failUnsettled(pending, failure, out);
                        return List.<PendingRecord>of();
                    }
                    return answers.settle(request, response, pending, out);
                })
                .thenCompose(retry -> retry.isEmpty() ? CompletableFuture.<Void>completedFuture(null)
                        : retry(sorted(retry), retriesDone, out, call))
                .exceptionally(unexpected -> {
                    failUnsettled(pending, unexpected, out);
                    return null;
                });
    }

    private CompletableFuture<Void> retry(List<PendingRecord> retry, int retriesDone,
                                          OutcomeCollector<Map<String, Object>> out, CallContext call) {
        if (retriesDone >= recordRetries.maxRetries()) {
            for (PendingRecord record : retry) {
                out.fail(FailedRecord.fromResponse(record.index(), record.record(), 500, "71012561",
                        "Zuora asked to retry this record (71012561) and it was not created after " + retriesDone
                        + " retries", true));
            }
            return CompletableFuture.completedFuture(null);
        }
        long backoff = Backoff.fullJitter(recordRetries, retriesDone + 1, ThreadLocalRandom.current()::nextDouble)
                .toMillis();
        return retryDelays.after(backoff).thenCompose(ignored -> send(retry, retriesDone + 1, out, call));
    }

    private byte[] body(List<PendingRecord> pending) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowPartialSuccess", allowPartialSuccess);
        body.put("records", pending.stream().map(PendingRecord::record).toList());
        return api.json().write(body);
    }

    /** Fails the call's records not settled yet; those settled before the failure keep their outcome. */
    private void failUnsettled(List<PendingRecord> pending, Throwable failure,
                               OutcomeCollector<Map<String, Object>> out) {
        Set<Integer> open = new HashSet<>(out.unsettledIndexes());
        for (PendingRecord record : pending) {
            if (open.contains(record.index())) {
                out.fail(CallFailures.of(record.index(), record.record(), failure, false, api.secrets()));
            }
        }
    }

    private static List<PendingRecord> sorted(List<PendingRecord> records) {
        List<PendingRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(PendingRecord::index));
        return sorted;
    }
}
