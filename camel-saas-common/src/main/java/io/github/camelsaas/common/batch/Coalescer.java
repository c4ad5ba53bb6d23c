package io.github.camelsaas.common.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.common.failure.RecordOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers single items submitted by many callers (for example many single-record exchanges) and sends them as one
 * batch, then completes each caller with its own item's outcome.
 * <p>
 * Items are grouped by key (a KObject klass, a custom object name): items of different keys never share a batch.
 * A key's batch is sent when it holds {@code maxBatchSize} items, at once and by the submitting thread, or when
 * {@code window} has passed since its first item, by a task on the scheduler. No thread waits for the window.
 * <p>
 * The sender receives the batch and answers one {@link RecordOutcome} per item, aligned with the list it was given:
 * outcome {@code i} belongs to item {@code i} and has index {@code i}. Each caller's future then completes exactly
 * once:
 * <ul>
 * <li>with the item's value when its outcome is a success;</li>
 * <li>with a {@link RecordFailedException} when its outcome is a failure; its
 * {@link RecordFailedException#getFailedRecord() FailedRecord} has index 0, the caller's only record;</li>
 * <li>with the sender's exception when the sender throws or its future fails (every caller of that batch);</li>
 * <li>with an {@link IllegalStateException} when the sender's answer does not line up with the batch (wrong number
 * of outcomes, a missing outcome, an outcome for another position): a sender bug must fail loudly, never leave a
 * caller waiting or hand it another caller's result.</li>
 * </ul>
 * The sender runs on the submitting thread or on a scheduler thread, so it must not block: it starts the request
 * and returns a future. Callers' futures complete on the thread that completes the sender's future.
 * <p>
 * {@link #close()} stops accepting items, fails every buffered item as not sent, and lets batches already handed
 * to the sender finish normally. The scheduler belongs to the caller and is never shut down here.
 *
 * @param <I> the item type
 * @param <O> the type of an item's successful result
 */
public final class Coalescer<I, O> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Coalescer.class);

    private final String name;
    private final int maxBatchSize;
    private final long windowNanos;
    private final ScheduledExecutorService scheduler;
    private final Function<List<I>, CompletableFuture<List<RecordOutcome<O>>>> sender;

    /** Guards {@link #buffers} and {@link #closed}; held only for bookkeeping, never while sending or completing. */
    private final Object lock = new Object();
    private final Map<String, Buffer<I, O>> buffers = new HashMap<>();
    private boolean closed;

    /**
     * @param name         names this coalescer in error messages and logs (for example the endpoint)
     * @param maxBatchSize the most items one batch may hold, at least 1
     * @param window       how long a key's first item may wait for company before its batch is sent; positive
     * @param scheduler    times the windows; owned by the caller
     * @param sender       sends a batch and answers one outcome per item, aligned with the list it was given
     */
    public Coalescer(String name, int maxBatchSize, Duration window, ScheduledExecutorService scheduler,
                     Function<List<I>, CompletableFuture<List<RecordOutcome<O>>>> sender) {
        this.name = Objects.requireNonNull(name, "name");
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException(
                    "coalescer '" + name + "': maxBatchSize must be at least 1 but was " + maxBatchSize);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("coalescer '" + name + "': window must be positive but was " + window);
        }
        this.maxBatchSize = maxBatchSize;
        this.windowNanos = window.toNanos();
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /**
     * Adds a caller's record to its key's next batch and completes with the record's outcome, never exceptionally:
     * what both components' coalescers answer their exchange.
     *
     * @param record        the record as the caller gave it: a failure carries it, not the coalescer's item
     * @param otherFailure  the FailedRecord (index 0) for a failure that is not the record's own (the sender threw,
     *                      the batch's call failed as a whole)
     */
    public CompletableFuture<RecordOutcome<O>> submitRecord(String key, I item, Object record,
                                                            Function<Throwable, FailedRecord> otherFailure) {
        return submit(key, item).handle((value, failure) -> {
            if (failure == null) {
                return RecordOutcome.success(0, value);
            }
            Throwable cause = FutureFailures.unwrap(failure);
            return RecordOutcome.failure(cause instanceof RecordFailedException recordFailed
                    ? recordFailed.getFailedRecord().withIndex(0).withRecord(record)
                    : otherFailure.apply(cause));
        });
    }

    /**
     * Adds an item to its key's next batch.
     *
     * @param key  items with equal keys may share a batch; items with different keys never do
     * @param item the item
     * @return completes with the item's result, or exceptionally as described in the class comment; already failed
     *         with a {@link RecordFailedException} (not sent) when this coalescer is closed
     */
    public CompletableFuture<O> submit(String key, I item) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(item, "item");
        Pending<I, O> pending = new Pending<>(item);
        Buffer<I, O> fullBatch = null;
        RuntimeException rejection = null;
        synchronized (lock) {
            if (closed) {
                rejection = notSent(item, "coalescer '" + name + "' is closed (producer stopped)");
            } else {
                Buffer<I, O> buffer = buffers.computeIfAbsent(key, Buffer::new);
                buffer.items.add(pending);
                if (buffer.items.size() >= maxBatchSize) {
                    buffers.remove(key);
                    buffer.cancelWindow();
                    fullBatch = buffer;
                } else if (buffer.items.size() == 1) {
                    rejection = startWindow(buffer);
                }
            }
        }
        // Futures are completed and the sender called outside the lock: both may run arbitrary code.
        if (rejection != null) {
            pending.future.completeExceptionally(rejection);
        } else if (fullBatch != null) {
            send(fullBatch, FlushReason.FULL);
        }
        return pending.future;
    }

    /** Schedules the window of a buffer's first item; on failure the buffer (that one item) is dropped from it. */
    private RuntimeException startWindow(Buffer<I, O> buffer) {
        try {
            buffer.windowTimer = scheduler.schedule(() -> onWindowEnd(buffer), windowNanos, TimeUnit.NANOSECONDS);
            return null;
        } catch (RejectedExecutionException e) {
            // Without a timer this item would wait forever for company; fail it instead.
            buffers.remove(buffer.key);
            return new IllegalStateException("coalescer '" + name + "' cannot time its window: the scheduler "
                    + "rejected the task (is it shut down?); the record was not sent", e);
        }
    }

    private void onWindowEnd(Buffer<I, O> buffer) {
        synchronized (lock) {
            // The buffer may have been sent as full, or failed by close(), since this timer was set.
            if (!buffers.remove(buffer.key, buffer)) {
                return;
            }
        }
        send(buffer, FlushReason.WINDOW);
    }

    private void send(Buffer<I, O> batch, FlushReason reason) {
        List<I> items = batch.items.stream().map(p -> p.item).toList();
        LOG.debug("Coalescer '{}' sending a batch of {} for key '{}' ({})", name, items.size(), batch.key, reason);
        CompletableFuture<List<RecordOutcome<O>>> answer;
        try {
            answer = sender.apply(items);
        } catch (Throwable e) {
            failAll(batch, e);
            return;
        }
        if (answer == null) {
            IllegalStateException e = misaligned(batch, "the sender returned no future");
            LOG.warn("{}", e.getMessage());
            failAll(batch, e);
            return;
        }
        answer.whenComplete((outcomes, error) -> deliver(batch, outcomes, error));
    }

    private void deliver(Buffer<I, O> batch, List<RecordOutcome<O>> outcomes, Throwable error) {
        try {
            if (error != null) {
                failAll(batch, error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
                return;
            }
            if (outcomes == null || outcomes.size() != batch.items.size()) {
                IllegalStateException e = misaligned(batch, "the sender answered "
                        + (outcomes == null ? "null" : outcomes.size() + " outcomes")
                        + " for a batch of " + batch.items.size() + " items");
                LOG.warn("{}", e.getMessage());
                failAll(batch, e);
                return;
            }
            int misalignedCount = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (!deliverOne(batch, i, outcomes.get(i))) {
                    misalignedCount++;
                }
            }
            if (misalignedCount > 0) {
                // One line per batch: a sender bug would otherwise log once per record.
                LOG.warn("Coalescer '{}', key '{}': {} of {} outcomes were missing or for another position; "
                        + "their callers were failed", name, batch.key, misalignedCount, outcomes.size());
            }
        } catch (Throwable e) {
            // Whatever went wrong, no caller may be left waiting; those already completed keep their result.
            failAll(batch, e);
        }
    }

    /** Completes one caller from its outcome; false when the outcome does not belong to that position. */
    private boolean deliverOne(Buffer<I, O> batch, int position, RecordOutcome<O> outcome) {
        CompletableFuture<O> future = batch.items.get(position).future;
        if (outcome == null || outcome.index() != position) {
            future.completeExceptionally(misaligned(batch, "the outcome at position " + position + " is "
                    + (outcome == null ? "missing" : "for index " + outcome.index())));
            return false;
        }
        if (outcome.isSuccess()) {
            future.complete(outcome.value());
        } else {
            future.completeExceptionally(new RecordFailedException(outcome.failedRecord().withIndex(0)));
        }
        return true;
    }

    private IllegalStateException misaligned(Buffer<I, O> batch, String what) {
        return new IllegalStateException("coalescer '" + name + "', key '" + batch.key + "': "
                + what + "; the sender must answer one outcome per item, outcome i for item i");
    }

    private static void failAll(Buffer<?, ?> batch, Throwable cause) {
        for (Pending<?, ?> pending : batch.items) {
            pending.future.completeExceptionally(cause);
        }
    }

    private static RecordFailedException notSent(Object item, String reason) {
        // Retryable: the server never saw the record, so sending it later cannot apply it twice.
        return new RecordFailedException(FailedRecord.notSent(0, item, "not sent: " + reason, true));
    }

    /** How many items wait in buffers, over all keys. */
    int bufferedCount() {
        synchronized (lock) {
            return buffers.values().stream().mapToInt(b -> b.items.size()).sum();
        }
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Stops accepting items and fails every buffered item with a {@link RecordFailedException} saying it was not
     * sent because the producer stopped. Batches already handed to the sender complete normally. Idempotent.
     */
    @Override
    public void close() {
        List<Buffer<I, O>> unsent;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            unsent = new ArrayList<>(buffers.values());
            buffers.clear();
            unsent.forEach(Buffer::cancelWindow);
        }
        int failed = 0;
        for (Buffer<I, O> buffer : unsent) {
            for (Pending<I, O> pending : buffer.items) {
                pending.future.completeExceptionally(notSent(pending.item, "coalescer '" + name
                        + "' was closed (producer stopped) before the record's batch was sent"));
                failed++;
            }
        }
        LOG.debug("Coalescer '{}' closed; {} buffered item(s) failed as not sent", name, failed);
    }

    @Override
    public String toString() {
        return "Coalescer[" + name + ", maxBatchSize=" + maxBatchSize + ", window=" + Duration.ofNanos(windowNanos)
                + "]";
    }

    private enum FlushReason {
        FULL, WINDOW;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One caller's item and the future it waits on. */
    private static final class Pending<I, O> {
        final I item;
        final CompletableFuture<O> future = new CompletableFuture<>();

        Pending(I item) {
            this.item = item;
        }
    }

    /** A key's items gathered so far. Mutated only under the coalescer's lock until it is removed for sending. */
    private static final class Buffer<I, O> {
        final String key;
        final List<Pending<I, O>> items = new ArrayList<>();
        ScheduledFuture<?> windowTimer;

        Buffer(String key) {
            this.key = key;
        }

        void cancelWindow() {
            if (windowTimer != null) {
                windowTimer.cancel(false);
            }
        }
    }
}
