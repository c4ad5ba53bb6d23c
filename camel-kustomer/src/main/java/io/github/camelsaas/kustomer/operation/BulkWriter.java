package io.github.camelsaas.kustomer.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.batch.Chunk;
import io.github.camelsaas.common.batch.Chunker;
import io.github.camelsaas.common.batch.RecordToSend;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.http.HttpTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerError;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.api.KustomerRequest;
import io.github.camelsaas.kustomer.api.KustomerResponse;

/**
 * Writes a list of records through a resource's {@code /bulk} endpoint: chunks of at most bulkSize items and 100 kB,
 * as many in flight as the endpoint allows. Kustomer refuses a whole bulk request for one bad item, so a refused
 * chunk is taken apart until the bad items stand alone: the item the error points at ({@code source.pointer
 * /<index>/...}) is sent by itself and the items around it together; without a pointer the chunk is halved. A 413
 * halves the chunk. Each item ends as a success or a FailedRecord carrying Kustomer's error.
 *
 * <p>Kustomer answers a bulk job rather than the written records; an item's result is the body sent for it, with
 * the record's {@code id} added when the job lists exactly one id per item (unconfirmed that it ever does).
 */
public final class BulkWriter {

    /** Kustomer refuses bodies over 100 kB; 100,000 bytes stays under either reading of "kB". */
    static final long MAX_BODY_BYTES = 100_000;

    /** Answers that refuse a chunk for what some of its items hold, so the other items may still be written. */
    private static final Set<Integer> ITEM_REFUSALS = Set.of(400, 404, 409, 422);

    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

    private final KustomerClient client;
    private final SingleRecordWriter singleRecordWriter;
    private final int bulkSize;

    public BulkWriter(KustomerClient client, SingleRecordWriter singleRecordWriter, int bulkSize) {
        this.client = client;
        this.singleRecordWriter = singleRecordWriter;
        this.bulkSize = bulkSize;
    }

    /** Writes the items and settles each one in {@code outcomes}; completes when all are settled. */
    CompletableFuture<Void> write(WriteTarget target, List<RecordToSend> items, boolean update,
                                  OutcomeCollector<Object> outcomes) {
        List<Chunk<RecordToSend>> chunks = Chunker.split(items, bulkSize, MAX_BODY_BYTES,
                item -> client.json().serializedSize(item.body()), 2, 1);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Chunk<RecordToSend> chunk : chunks) {
            if (chunk.oversized()) {
                RecordToSend item = chunk.records().get(0);
                outcomes.fail(FailedRecord.notSent(item.index(), item.record(), "the record alone is " + chunk.bytes()
                        + " bytes of JSON, over Kustomer's 100 kB request limit"));
            } else {
                sent.add(send(target, chunk.records(), update, outcomes));
            }
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> send(WriteTarget target, List<RecordToSend> batch, boolean update,
                                         OutcomeCollector<Object> outcomes) {
        Map<String, Integer> customerPermits = update ? Map.of() : customerPermits(target, batch);
        int limit = client.throttle().customerCreatesPerWindow();
        if (customerPermits.values().stream().anyMatch(count -> count > limit)) {
            // more creates for one customer than its window allows could never be granted at once
            return sendHalves(target, batch, update, outcomes);
        }
        List<Map<String, Object>> bodies = batch.stream().map(RecordToSend::body).toList();
        KustomerRequest request = new KustomerRequest(update ? "PUT" : "POST",
                KustomerPaths.bulk(target.resource(), target.klass()), null, client.json().write(bodies),
                customerPermits, update);
        return client.send(request, target.stats())
                .handle((response, failure) -> failure != null
                        ? onFailure(target, batch, update, outcomes, failure)
                        : onAnswer(target, batch, update, outcomes, response))
                .thenCompose(next -> next);
    }

    /** Each item counts against its customer (the conservative reading: Kustomer does not say whether bulk does). */
    private static Map<String, Integer> customerPermits(WriteTarget target, List<RecordToSend> batch) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RecordToSend item : batch) {
            String key = target.customerLimitKey(item.body());
            if (key != null) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts;
    }

    private CompletableFuture<Void> onAnswer(WriteTarget target, List<RecordToSend> batch, boolean update,
                                             OutcomeCollector<Object> outcomes, KustomerResponse response) {
        int status = response.status();
        if (response.isSuccessful()) {
            Map<String, Object> job = bulkJobOf(response);
            if (job == null) {
                // a 2xx that is no bulk job (a proxy's HTML page, an empty or cut-off body) is not Kustomer's word
                // that the items were written: counting them as written could lose them
                LOG.debug("{} bulk: {} without a bulk job document; the outcome is uncertain", target.describe(),
                        status);
                if (update) {
                    batch.forEach(item -> outcomes.fail(Failures.unreadableAnswer(item, response, false)));
                    return done();
                }
                return createOneByOneAfterUncertainOutcome(target, batch, outcomes,
                        item -> Failures.unreadableAnswer(item, response, true));
            }
            succeedAll(target, batch, job, outcomes);
            return done();
        }
        if (status == 413 && batch.size() > 1) {
            LOG.debug("{} bulk: 413 for {} items, halving", target.describe(), batch.size());
            return sendHalves(target, batch, update, outcomes);
        }
        if (ITEM_REFUSALS.contains(status) && batch.size() > 1) {
            return isolate(target, batch, update, outcomes, response.error());
        }
        if (!update && RetryRules.isTransientServerError(status)) {
            return createOneByOneAfterUncertainOutcome(target, batch, outcomes,
                    item -> Failures.fromAnswer(item, response, true));
        }
        batch.forEach(item -> outcomes.fail(Failures.fromAnswer(item, response, false)));
        return done();
    }

    private CompletableFuture<Void> onFailure(WriteTarget target, List<RecordToSend> batch, boolean update,
                                              OutcomeCollector<Object> outcomes, Throwable failure) {
        Throwable cause = FutureFailures.unwrap(failure);
        boolean uncertain = cause instanceof HttpTransportException transport && !transport.isConnectFailure();
        if (!update && uncertain && !(cause instanceof StoppedException)) {
            return createOneByOneAfterUncertainOutcome(target, batch, outcomes,
                    item -> Failures.fromFailure(item, cause, true));
        }
        batch.forEach(item -> outcomes.fail(Failures.fromFailure(item, cause, false)));
        return done();
    }

    /**
     * A bulk create answered 5xx, not at all, or with a 2xx that is no bulk job may have been applied in part or in
     * full. Items with an externalId are looked up and created only if missing; the others cannot be checked, so
     * they are reported ({@code uncheckable}), not replayed.
     */
    private CompletableFuture<Void> createOneByOneAfterUncertainOutcome(WriteTarget target, List<RecordToSend> batch,
                                                                        OutcomeCollector<Object> outcomes,
                                                                        Function<RecordToSend, FailedRecord> uncheckable) {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (RecordToSend item : batch) {
            boolean checkable = target.resource().hasExternalIdLookup()
                    && WriteTarget.text(item.body().get("externalId")) != null;
            if (checkable) {
                checks.add(singleRecordWriter.createAfterUncertainOutcome(target, item).thenAccept(outcomes::settle));
            } else {
                outcomes.fail(uncheckable.apply(item));
            }
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new));
    }

    /**
     * Sends the item the error points at alone and the items before and after it as two batches; without a usable
     * pointer, halves the batch. Either way every bad item ends up alone and gets its own error.
     */
    private CompletableFuture<Void> isolate(WriteTarget target, List<RecordToSend> batch, boolean update,
                                            OutcomeCollector<Object> outcomes, KustomerError error) {
        OptionalInt pointed = error.itemIndex();
        if (pointed.isEmpty() || pointed.getAsInt() >= batch.size()) {
            LOG.debug("{} bulk: {} for {} items without a usable pointer, halving", target.describe(),
                    error.status(), batch.size());
            return sendHalves(target, batch, update, outcomes);
        }
        int bad = pointed.getAsInt();
        LOG.debug("{} bulk: {} names item {} of {}, sending it alone", target.describe(), error.status(), bad,
                batch.size());
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (List<RecordToSend> part : List.of(batch.subList(0, bad), batch.subList(bad, bad + 1),
                batch.subList(bad + 1, batch.size()))) {
            if (!part.isEmpty()) {
                parts.add(send(target, List.copyOf(part), update, outcomes));
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> sendHalves(WriteTarget target, List<RecordToSend> batch, boolean update,
                                               OutcomeCollector<Object> outcomes) {
        int middle = (batch.size() + 1) / 2;
        return CompletableFuture.allOf(send(target, List.copyOf(batch.subList(0, middle)), update, outcomes),
                send(target, List.copyOf(batch.subList(middle, batch.size())), update, outcomes));
    }

    /** The bulk job a 2xx answer holds ({@code data} object), or null when the body is no such document. */
    private static Map<String, Object> bulkJobOf(KustomerResponse response) {
        try {
            return response.data();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static void succeedAll(WriteTarget target, List<RecordToSend> batch, Map<String, Object> job,
                                   OutcomeCollector<Object> outcomes) {
        target.stats().bulkJob(KustomerResponse.idOf(job));
        List<?> ids = job != null && job.get("attributes") instanceof Map<?, ?> attributes
                && attributes.get("ids") instanceof List<?> listed ? listed : List.of();
        for (int i = 0; i < batch.size(); i++) {
            RecordToSend item = batch.get(i);
            Map<String, Object> result = new LinkedHashMap<>(item.body());
            if (ids.size() == batch.size() && ids.get(i) instanceof String id) {
                result.put("id", id);
            }
            outcomes.succeed(item.index(), result);
        }
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
