package io.github.camelsaas.kustomer.operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelsaas.common.batch.Coalescer;
import io.github.camelsaas.common.batch.RecordToSend;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.kustomer.KustomerResource;
import io.github.camelsaas.kustomer.api.CallStats;

/**
 * Gathers the single-record creates of many exchanges (batchWindow) into bulk calls, per klass: a batch leaves when it
 * holds bulkSize records or when the window since its first record is over. Each exchange then gets its own record's
 * outcome and the calls' rate-limit and bulk-job headers.
 */
public final class CreateCoalescer implements AutoCloseable {

    /** One exchange's record waiting for company, with what it needs from the batch. */
    private record Pending(KustomerResource resource, String klass, RecordToSend item, CallStats exchangeStats) {
    }

    private final Coalescer<Pending, Object> coalescer;
    private final BulkWriter bulkWriter;

    public CreateCoalescer(String name, int bulkSize, Duration window, ScheduledExecutorService scheduler,
                    BulkWriter bulkWriter) {
        this.bulkWriter = bulkWriter;
        this.coalescer = new Coalescer<>(name, bulkSize, window, scheduler, this::sendBatch);
    }

    /** Adds the exchange's record to its klass's next batch; completes with its outcome at index 0. */
    CompletableFuture<RecordOutcome<Object>> submit(WriteTarget target, RecordToSend item) {
        Map<String, Object> body = item.body();
        if (target.customerHeader() != null && target.resource().hasCustomerScopedCreate()
                && body.get("customer") == null) {
            // bulk has no customer-scoped path: the header's customer goes into the record
            body = new LinkedHashMap<>(body);
            body.put("customer", target.customerHeader());
        }
        Pending pending = new Pending(target.resource(), target.klass(), new RecordToSend(0, item.record(), body),
                target.stats());
        String key = target.klass() == null ? target.resource().name() : target.klass();
        return coalescer.submitRecord(key, pending, item.record(),
                        cause -> Failures.fromFailure(item.withIndex(0), cause, true))
                .thenApply(outcome -> outcome.withIndex(item.index()));
    }

    private CompletableFuture<List<RecordOutcome<Object>>> sendBatch(List<Pending> batch) {
        Pending first = batch.get(0);
        CallStats batchStats = new CallStats();
        WriteTarget target = WriteTarget.forBatch(first.resource(), first.klass(), batchStats);
        List<RecordToSend> items = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            items.add(batch.get(i).item().withIndex(i));
        }
        OutcomeCollector<Object> outcomes = new OutcomeCollector<>(items.size());
        bulkWriter.write(target, items, false, outcomes).whenComplete((ignored, failure) -> {
            if (failure != null) {
                outcomes.failRemaining(index -> Failures.fromFailure(items.get(index), failure, true));
            }
        });
        return outcomes.completion().whenComplete((done, failure) ->
                batch.forEach(pending -> pending.exchangeStats().absorb(batchStats)));
    }

    /** Fails the records still waiting for their batch as not sent. */
    @Override
    public void close() {
        coalescer.close();
    }
}
