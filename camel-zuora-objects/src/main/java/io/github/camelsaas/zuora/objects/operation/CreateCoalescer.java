package io.github.camelsaas.zuora.objects.operation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.batch.Coalescer;
import io.github.camelsaas.common.failure.CallFailures;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.zuora.objects.api.CallContext;

/**
 * {@code batchWindow}: single-record create messages arriving within the window go to Zuora in one call (up to
 * {@code batchSize} records), and each message completes with its own record, or its own failure. Messages with
 * different track ids never share a call, since a call carries one {@code Zuora-Track-Id}.
 */
public final class CreateCoalescer implements AutoCloseable {

    /** A record waiting for its batch, with the track id its call must carry and its exchange's context. */
    private record WaitingRecord(Map<String, Object> record, String trackId, CallContext exchangeCall) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CreateCoalescer.class);
    private static final String NO_TRACK_ID = "";

    private final String name;
    private final CreateOperation create;
    private final Coalescer<WaitingRecord, Map<String, Object>> coalescer;
    private final SecretRegistry secrets;

    public CreateCoalescer(String name, CreateOperation create, int batchSize, Duration window,
                           ScheduledExecutorService scheduler, SecretRegistry secrets) {
        this.name = name;
        this.create = create;
        this.secrets = secrets;
        this.coalescer = new Coalescer<>(name, batchSize, window, scheduler, this::sendBatch);
    }

    /**
     * Creates one prepared record in the next shared call; completes with its outcome, never exceptionally.
     *
     * @param call the message's context: it receives the shared call's request count and ids
     */
    public CompletableFuture<RecordOutcome<Map<String, Object>>> submit(Map<String, Object> record,
                                                                       CallContext call) {
        String key = call.trackId() == null ? NO_TRACK_ID : call.trackId();
        return coalescer.submitRecord(key, new WaitingRecord(record, call.trackId(), call), record,
                cause -> CallFailures.of(0, record, cause, false, "", secrets));
    }

    private CompletableFuture<List<RecordOutcome<Map<String, Object>>>> sendBatch(List<WaitingRecord> batch) {
        CallContext batchCall = new CallContext(batch.get(0).trackId());
        List<Map<String, Object>> records = batch.stream().map(WaitingRecord::record).toList();
        long started = System.nanoTime();
        return create.createAll(records, batchCall).whenComplete((outcomes, failure) -> {
            // every exchange of the batch reports the shared call's counts, ids and a refused token, whatever its
            // record's outcome (before the exchanges complete: they complete on what this future answers)
            batch.forEach(waiting -> waiting.exchangeCall().absorb(batchCall));
            if (outcomes != null) {
                long failed = outcomes.stream().filter(RecordOutcome::isFailure).count();
                LOG.info("{} create (coalesced): {} records, {} succeeded, {} failed, {} call(s) in {} ms", name,
                        outcomes.size(), outcomes.size() - failed, failed, batchCall.requestCount(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        });
    }

    /** Fails the records still waiting for their batch as not sent. */
    @Override
    public void close() {
        coalescer.close();
    }
}
