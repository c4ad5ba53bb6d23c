package io.github.camelsaas.zuora.objects.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.batch.Chunk;
import io.github.camelsaas.common.batch.Chunker;
import io.github.camelsaas.common.batch.RecordToSend;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.failure.CallFailures;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryDecision;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraHeaders;
import io.github.camelsaas.zuora.objects.api.ZuoraPaths;
import io.github.camelsaas.zuora.objects.api.ZuoraRequest;
import io.github.camelsaas.zuora.objects.record.RecordRules;

/**
 * {@code create}: the message's valid records in calls of {@code batchSize}, sent concurrently (the tenant's cap
 * decides how many at once), every record settled exactly once and the outcomes merged in input order. An invalid
 * record is reported and not sent. Records Zuora asks to retry (500, code 71012561) are sent again, alone, by the
 * endpoint's retry policy (maxRetries, backoff, maxTotalTime). A create call is never replayed as a whole after an
 * answer that may mean it was applied.
 */
public final class CreateOperation implements AutoCloseable {

    private final ZuoraApi api;
    private final String recordsPath;
    private final boolean allowPartialSuccess;
    private final int batchSize;
    private final RecordRules rules;
    private final Retrier recordRetries;
    private final CreateAnswers answers;

    /**
     * @param recordRetries sends again the records Zuora asks to retry (closed with this operation: waiting
     *                      records then fail as not sent)
     */
    public CreateOperation(ZuoraApi api, String object, boolean allowPartialSuccess, int batchSize, RecordRules rules,
                           Retrier recordRetries) {
        this.api = api;
        this.recordsPath = ZuoraPaths.records(object);
        this.allowPartialSuccess = allowPartialSuccess;
        this.batchSize = batchSize;
        this.rules = rules;
        this.recordRetries = recordRetries;
        this.answers = new CreateAnswers(api, RecordMatcher.canonicalMapper(api.json()), allowPartialSuccess);
    }

    /**
     * The body's records as they will be sent, checked: the invalid ones are reported, not sent.
     *
     * @throws io.github.camelsaas.common.json.InvalidBodyException when the body holds no records at all (not
     *                                                              JSON, not a record); nothing is sent then
     */
    public RecordRules.Checked prepare(Object body) {
        // a record that needs no change is the caller's own map, read-only (a large list body is then not held
        // twice); the others are fresh copies of our own, checked and changed in place, not copied a second time
        return rules.prepareOwned(api.json().toRecordsReadOnly(body, rules::needsNoChange));
    }

    /** Creates a message's records, {@linkplain #prepare prepared}: every record's outcome, in input order. */
    public CompletableFuture<List<RecordOutcome<Map<String, Object>>>> execute(RecordRules.Checked records,
                                                                               CallContext call) {
        if (records.invalid().isEmpty()) {
            return createAll(records.valid(), call);
        }
        return createAll(records.valid(), call).thenApply(created -> {
            OutcomeCollector<Map<String, Object>> out = new OutcomeCollector<>(records.total());
            records.invalid().forEach(out::fail);
            for (RecordOutcome<Map<String, Object>> outcome : created) {
                out.settle(outcome.withIndex(records.inputIndex(outcome.index())));
            }
            return out.outcomes();
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
            List<RecordToSend> pending = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                pending.add(RecordToSend.of(chunk.indexOf(i), chunk.records().get(i)));
            }
            calls.add(send(pending, out, call));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
            // every path above settles its records; this only guards the promise that none is ever lost
            out.failRemaining(index -> FailedRecord.notSent(index, records.get(index),
                    "no outcome was recorded for this record (a defect, please report it)", false));
            return out.outcomes();
        });
    }

    /**
     * What one call of a chunk left to do: the records to send again (not settled), when at the earliest, and why
     * (for their failure if the retry policy gives up on them).
     */
    private record Retry(List<RecordToSend> records, Instant notBefore, Throwable neverSent, Integer status) {

        static final Retry NONE = new Retry(List.of(), null, null, null);

        static Retry askedByZuora(List<RecordToSend> records) {
            return records.isEmpty() ? NONE : new Retry(records, null, null, 500);
        }
    }

    /**
     * Sends a chunk, then, as long as the endpoint's retry policy allows (one budget of attempts and time for the
     * whole chunk: each attempt is a single call), what is left: the records Zuora asked to retry (71012561), or
     * the whole chunk after a 429 (at the time Zuora names) or a call that never reached Zuora.
     */
    private CompletableFuture<Void> send(List<RecordToSend> chunk, OutcomeCollector<Map<String, Object>> out,
                                         CallContext call) {
        AtomicReference<List<RecordToSend>> toSend = new AtomicReference<>(chunk);
        AtomicInteger attempts = new AtomicInteger();
        return recordRetries.execute(() -> {
                    attempts.incrementAndGet();
                    return sendOnce(toSend.get(), out, call).thenApply(retry -> {
                        toSend.set(sorted(retry.records()));
                        return retry;
                    });
                }, (retry, failure, attempt) -> retry != null && !retry.records().isEmpty()
                        ? RetryDecision.retryAt(retry.notBefore()) : RetryDecision.done())
                .thenAccept(retry -> giveUp(retry, attempts.get() - 1, out))
                .exceptionally(unexpected -> {
                    // the retry policy stopped waiting (the endpoint stopped): what is left was not sent again
                    failUnsettled(toSend.get(), unexpected, out);
                    return null;
                });
    }

    /** One call, sent once; completes with what is left to send, never exceptionally. */
    private CompletableFuture<Retry> sendOnce(List<RecordToSend> pending, OutcomeCollector<Map<String, Object>> out,
                                              CallContext call) {
        ZuoraRequest request;
        try {
            request = ZuoraRequest.post(recordsPath, body(pending), false);
        } catch (RuntimeException e) {
            failUnsettled(pending, e, out);
            return CompletableFuture.completedFuture(Retry.NONE);
        }
        return api.sendOnce(request, call)
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = FutureFailures.unwrap(failure);
                        if (RetryRules.neverSent(cause)) {
                            return new Retry(pending, null, cause, null);
                        }
                        failUnsettled(pending, failure, out);
                        return Retry.NONE;
                    }
                    if (response.status() == 429) {
                        // refused before Zuora acted: the whole call goes again when Zuora says
                        return new Retry(pending, ZuoraHeaders.RETRY_RULES.serverRetryTime(response, Instant.now())
                                .orElse(null), null, 429);
                    }
                    return Retry.askedByZuora(answers.settle(request, response, pending, out));
                })
                .exceptionally(unexpected -> {
                    failUnsettled(pending, unexpected, out);
                    return Retry.NONE;
                });
    }

    /** The records still left when the retry policy gave up, failed as retryable for what kept them. */
    private void giveUp(Retry retry, int retriesDone, OutcomeCollector<Map<String, Object>> out) {
        for (RecordToSend record : retry.records()) {
            if (retry.neverSent() != null) {
                out.fail(CallFailures.of(record.index(), record.record(), retry.neverSent(), false, "",
                        api.secrets()));
            } else if (retry.status() == 429) {
                out.fail(FailedRecord.fromResponse(record.index(), record.record(), 429, null, "Zuora refused the "
                        + "call with 429 Too Many Requests after " + retriesDone + " retries; not created", true));
            } else {
                out.fail(FailedRecord.fromResponse(record.index(), record.record(), 500, "71012561",
                        "Zuora asked to retry this record (71012561) and it was not created after " + retriesDone
                        + " retries", true));
            }
        }
    }

    private byte[] body(List<RecordToSend> pending) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowPartialSuccess", allowPartialSuccess);
        body.put("records", pending.stream().map(RecordToSend::record).toList());
        return api.json().write(body);
    }

    /** Fails the call's records not settled yet; those settled before the failure keep their outcome. */
    private void failUnsettled(List<RecordToSend> pending, Throwable failure,
                               OutcomeCollector<Map<String, Object>> out) {
        Set<Integer> open = new HashSet<>(out.unsettledIndexes());
        for (RecordToSend record : pending) {
            if (open.contains(record.index())) {
                out.fail(CallFailures.of(record.index(), record.record(), failure, false, "", api.secrets()));
            }
        }
    }

    private static List<RecordToSend> sorted(List<RecordToSend> records) {
        List<RecordToSend> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(RecordToSend::index));
        return sorted;
    }

    /** Fails the records waiting to be sent again as not sent. */
    @Override
    public void close() {
        recordRetries.close();
    }
}
