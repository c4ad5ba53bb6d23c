package io.github.camelsaas.common.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.common.failure.RecordOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoalescerTest {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final String TIMER_THREAD = "coalescer-test-timer";

    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    /** Every batch the sender received, in the order it received them. */
    private final Queue<List<String>> batches = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startThreads() {
        scheduler = Executors.newScheduledThreadPool(2, r -> new Thread(r, TIMER_THREAD));
        workers = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stopThreads() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    /** Answers each item with "done:" + item, on the calling thread. */
    private CompletableFuture<List<RecordOutcome<String>>> echo(List<String> items) {
        batches.add(items);
        return CompletableFuture.completedFuture(successes(items));
    }

    /** Answers each item with "done:" + item, later and on another thread, like a real HTTP client. */
    private CompletableFuture<List<RecordOutcome<String>>> echoAsync(List<String> items) {
        batches.add(items);
        return CompletableFuture.supplyAsync(() -> successes(items), workers);
    }

    private static List<RecordOutcome<String>> successes(List<String> items) {
        return IntStream.range(0, items.size())
                .mapToObj(i -> RecordOutcome.success(i, "done:" + items.get(i)))
                .toList();
    }

    private Coalescer<String, String> coalescer(int maxBatchSize, Duration window,
            Function<List<String>, CompletableFuture<List<RecordOutcome<String>>>> sender) {
        return new Coalescer<>("test", maxBatchSize, window, scheduler, sender);
    }

    /**
     * The exception a future failed with, exactly as a callback such as {@code whenComplete} sees it (not
     * unwrapped the way {@code get()} does), waiting a bounded time so a hanging future fails the test.
     */
    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        Throwable failure = future.handle((value, error) -> error).get(5, TimeUnit.SECONDS);
        if (failure == null) {
            throw new AssertionError("expected the future to fail but it succeeded");
        }
        return failure;
    }

    @Test
    void manyConcurrentCallersEachGetTheirOwnResultExactlyOnce() throws Exception {
        int items = 2_500;
        Coalescer<String, String> coalescer = coalescer(1_000, Duration.ofMillis(200), this::echoAsync);
        List<CompletableFuture<String>> futures = Collections.synchronizedList(new ArrayList<>());
        @SuppressWarnings("unchecked")
        CompletableFuture<String>[] byItem = new CompletableFuture[items];
        AtomicInteger completions = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);

        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            submitters.add(workers.submit(() -> {
                start.await();
                for (int i = thread; i < items; i += 16) {
                    CompletableFuture<String> future = coalescer.submit("klass", "item-" + i);
                    byItem[i] = future;
                    // Wait on the callback's own stage: it completes only after the callback has run.
                    futures.add(future.whenComplete((value, error) -> completions.incrementAndGet()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> submitter : submitters) {
            submitter.get(10, TimeUnit.SECONDS);
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        for (int i = 0; i < items; i++) {
            assertThat(byItem[i].get()).isEqualTo("done:item-" + i);
        }
        assertThat(completions.get()).isEqualTo(items);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 1_000));
        List<String> sent = batches.stream().flatMap(List::stream).sorted().toList();
        assertThat(sent).hasSize(items).doesNotHaveDuplicates();
        coalescer.close();
    }

    @Test
    void fullBatchesAreSentAtOnceWithoutWaitingForTheWindow() throws Exception {
        Coalescer<String, String> coalescer = coalescer(1_000, NEVER, this::echoAsync);
        List<CompletableFuture<String>> futures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            submitters.add(workers.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    futures.add(coalescer.submit("klass", thread + "-" + i));
                }
            }));
        }
        for (Future<?> submitter : submitters) {
            submitter.get(10, TimeUnit.SECONDS);
        }

        // With a one-hour window, only reaching the size limit can have sent them.
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(batches).extracting(List::size).containsExactly(1_000, 1_000);
        assertThat(coalescer.bufferedCount()).isZero();
        coalescer.close();
    }

    @Test
    void theSubmitterThatFillsABatchHandsItToTheSender() {
        AtomicReference<Thread> senderThread = new AtomicReference<>();
        Coalescer<String, String> coalescer = coalescer(3, NEVER, items -> {
            senderThread.set(Thread.currentThread());
            return echo(items);
        });

        CompletableFuture<String> a = coalescer.submit("k", "a");
        CompletableFuture<String> b = coalescer.submit("k", "b");
        assertThat(batches).isEmpty();
        CompletableFuture<String> c = coalescer.submit("k", "c");

        assertThat(senderThread.get()).isSameAs(Thread.currentThread());
        assertThat(a).isCompletedWithValue("done:a");
        assertThat(b).isCompletedWithValue("done:b");
        assertThat(c).isCompletedWithValue("done:c");
        coalescer.close();
    }

    @Test
    void aPartialBatchIsSentWhenTheWindowEnds() throws Exception {
        Duration window = Duration.ofMillis(50);
        AtomicReference<Long> sentAt = new AtomicReference<>();
        AtomicReference<String> senderThread = new AtomicReference<>();
        Coalescer<String, String> coalescer = coalescer(1_000, window, items -> {
            sentAt.set(System.nanoTime());
            senderThread.set(Thread.currentThread().getName());
            return echo(items);
        });

        long firstSubmitAt = System.nanoTime();
        CompletableFuture<String> a = coalescer.submit("k", "a");
        CompletableFuture<String> b = coalescer.submit("k", "b");
        CompletableFuture<String> c = coalescer.submit("k", "c");

        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("done:a");
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("done:b");
        assertThat(c.get(5, TimeUnit.SECONDS)).isEqualTo("done:c");
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        // Sent by the window's timer, not by size (3 of 1000) and not before the window was over.
        assertThat(senderThread.get()).isEqualTo(TIMER_THREAD);
        assertThat(Duration.ofNanos(sentAt.get() - firstSubmitAt)).isGreaterThanOrEqualTo(window);
        coalescer.close();
    }

    @Test
    void aStaleWindowDoesNotSendTheNextBatchEarly() throws Exception {
        // Batch 1 fills before its 300 ms window; batch 2's item must then wait its own full window.
        Duration window = Duration.ofMillis(300);
        Queue<Long> sentAt = new ConcurrentLinkedQueue<>();
        Coalescer<String, String> coalescer = coalescer(2, window, items -> {
            sentAt.add(System.nanoTime());
            return echo(items);
        });

        coalescer.submit("k", "a");
        coalescer.submit("k", "b");
        long secondBatchStarted = System.nanoTime();
        CompletableFuture<String> c = coalescer.submit("k", "c");

        assertThat(c.get(5, TimeUnit.SECONDS)).isEqualTo("done:c");
        assertThat(batches).containsExactly(List.of("a", "b"), List.of("c"));
        long cSentAt = new ArrayList<>(sentAt).get(1);
        assertThat(Duration.ofNanos(cSentAt - secondBatchStarted)).isGreaterThanOrEqualTo(window);
        coalescer.close();
    }

    @Test
    void itemsOfDifferentKeysNeverShareABatch() throws Exception {
        Coalescer<String, String> coalescer = coalescer(2, NEVER, this::echo);

        CompletableFuture<String> a1 = coalescer.submit("a", "a1");
        CompletableFuture<String> b1 = coalescer.submit("b", "b1");
        CompletableFuture<String> a2 = coalescer.submit("a", "a2");

        assertThat(batches).containsExactly(List.of("a1", "a2"));
        assertThat(a1).isCompletedWithValue("done:a1");
        assertThat(a2).isCompletedWithValue("done:a2");
        assertThat(b1).isNotDone();
        assertThat(coalescer.bufferedCount()).isEqualTo(1);

        CompletableFuture<String> b2 = coalescer.submit("b", "b2");

        assertThat(batches).containsExactly(List.of("a1", "a2"), List.of("b1", "b2"));
        assertThat(b1).isCompletedWithValue("done:b1");
        assertThat(b2).isCompletedWithValue("done:b2");
        coalescer.close();
    }

    @Test
    void eachKeyHasItsOwnWindow() throws Exception {
        Coalescer<String, String> coalescer = coalescer(100, Duration.ofMillis(50), this::echo);

        CompletableFuture<String> x = coalescer.submit("c", "x");
        CompletableFuture<String> y = coalescer.submit("d", "y");

        assertThat(x.get(5, TimeUnit.SECONDS)).isEqualTo("done:x");
        assertThat(y.get(5, TimeUnit.SECONDS)).isEqualTo("done:y");
        assertThat(batches).containsExactlyInAnyOrder(List.of("x"), List.of("y"));
        coalescer.close();
    }

    @Test
    void aRecordsFailureReachesOnlyItsCallerWithIndexZero() throws Exception {
        Coalescer<String, String> coalescer = coalescer(3, NEVER, items -> {
            batches.add(items);
            List<RecordOutcome<String>> outcomes = new ArrayList<>(successes(items));
            outcomes.set(1, RecordOutcome.failure(
                    FailedRecord.fromResponse(1, items.get(1), 400, "E42", "invalid email", false)));
            return CompletableFuture.completedFuture(outcomes);
        });

        CompletableFuture<String> a = coalescer.submit("k", "a");
        CompletableFuture<String> b = coalescer.submit("k", "b");
        CompletableFuture<String> c = coalescer.submit("k", "c");

        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("done:a");
        assertThat(c.get(5, TimeUnit.SECONDS)).isEqualTo("done:c");
        Throwable failure = failureOf(b);
        assertThat(failure).isInstanceOf(RecordFailedException.class);
        FailedRecord failed = ((RecordFailedException) failure).getFailedRecord();
        assertThat(failed.index()).isZero();
        assertThat(failed.record()).isEqualTo("b");
        assertThat(failed.httpStatus()).isEqualTo(400);
        assertThat(failed.vendorCode()).isEqualTo("E42");
        assertThat(failed.message()).isEqualTo("invalid email");
        coalescer.close();
    }

    /** Two callers fill one batch; both must fail with exactly {@code cause}, unwrapped. */
    private static void assertBothCallersOfABatchFailWith(Coalescer<String, String> coalescer, Throwable cause)
            throws Exception {
        CompletableFuture<String> a = coalescer.submit("k", "a");
        CompletableFuture<String> b = coalescer.submit("k", "b");

        assertThat(failureOf(a)).isSameAs(cause);
        assertThat(failureOf(b)).isSameAs(cause);
        coalescer.close();
    }

    @Test
    void aFailedBatchFailsEveryCallerWithTheCause() throws Exception {
        RuntimeException boom = new RuntimeException("connection refused");
        Coalescer<String, String> coalescer = coalescer(2, NEVER, items -> CompletableFuture.failedFuture(boom));

        assertBothCallersOfABatchFailWith(coalescer, boom);
    }

    @Test
    void aBatchFailingInALaterStageFailsEveryCallerWithTheUnwrappedCause() throws Exception {
        RuntimeException boom = new RuntimeException("read timed out");
        Coalescer<String, String> coalescer = coalescer(2, NEVER,
                items -> CompletableFuture.<List<RecordOutcome<String>>>supplyAsync(() -> {
                    throw boom;
                }, workers));

        assertBothCallersOfABatchFailWith(coalescer, boom);
    }

    @Test
    void aSenderThatThrowsFailsEveryCallerWithWhatItThrew() throws Exception {
        IllegalArgumentException thrown = new IllegalArgumentException("cannot serialize");
        Coalescer<String, String> coalescer = coalescer(2, NEVER, items -> {
            throw thrown;
        });

        assertBothCallersOfABatchFailWith(coalescer, thrown);
    }

    @Test
    void anAnswerOfTheWrongSizeFailsEveryCaller() throws Exception {
        Coalescer<String, String> tooFew = coalescer(3, NEVER,
                items -> CompletableFuture.completedFuture(successes(items).subList(0, 2)));
        Coalescer<String, String> tooMany = coalescer(1, NEVER,
                items -> CompletableFuture.completedFuture(successes(List.of("x", "y"))));
        Coalescer<String, String> none = coalescer(1, NEVER, items -> CompletableFuture.completedFuture(null));

        List<CompletableFuture<String>> shortAnswered
                = List.of(tooFew.submit("k", "a"), tooFew.submit("k", "b"), tooFew.submit("k", "c"));

        for (CompletableFuture<String> future : shortAnswered) {
            assertThat(failureOf(future)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("coalescer 'test'")
                    .hasMessageContaining("answered 2 outcomes for a batch of 3 items");
        }
        assertThat(failureOf(tooMany.submit("k", "a"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 2 outcomes for a batch of 1 items");
        assertThat(failureOf(none.submit("k", "a"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered null");
        tooFew.close();
        tooMany.close();
        none.close();
    }

    @Test
    void outcomesForTheWrongPositionsAreNeverHandedToAnotherCaller() throws Exception {
        // Right size, wrong order: the sender lost track of which outcome belongs to which item.
        Coalescer<String, String> coalescer = coalescer(2, NEVER, items -> {
            List<RecordOutcome<String>> outcomes = new ArrayList<>(successes(items));
            Collections.reverse(outcomes);
            return CompletableFuture.completedFuture(outcomes);
        });

        CompletableFuture<String> a = coalescer.submit("k", "a");
        CompletableFuture<String> b = coalescer.submit("k", "b");

        assertThat(failureOf(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outcome at position 0 is for index 1");
        assertThat(failureOf(b)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outcome at position 1 is for index 0");
        coalescer.close();
    }

    @Test
    void closeFailsEveryBufferedItemAsNotSentAndRejectsLaterItems() throws Exception {
        Coalescer<String, String> coalescer = coalescer(1_000, NEVER, this::echo);
        List<String> items = List.of("a1", "a2", "b1", "b2", "b3");
        List<CompletableFuture<String>> futures = items.stream()
                .map(item -> coalescer.submit(item.substring(0, 1), item))
                .toList();
        assertThat(futures).noneMatch(CompletableFuture::isDone);

        coalescer.close();

        // close() completes them itself, so they are done the moment it returns.
        assertThat(futures).allMatch(CompletableFuture::isCompletedExceptionally);
        for (int i = 0; i < items.size(); i++) {
            Throwable failure = failureOf(futures.get(i));
            assertThat(failure).isInstanceOf(RecordFailedException.class)
                    .hasMessageContaining("not sent")
                    .hasMessageContaining("coalescer 'test' was closed (producer stopped)");
            FailedRecord failed = ((RecordFailedException) failure).getFailedRecord();
            assertThat(failed.record()).isEqualTo(items.get(i));
            assertThat(failed.index()).isZero();
            assertThat(failed.retryable()).isTrue();
        }
        assertThat(batches).isEmpty();
        assertThat(coalescer.bufferedCount()).isZero();
        assertThat(scheduler.isShutdown()).as("the caller's scheduler is left running").isFalse();

        CompletableFuture<String> late = coalescer.submit("a", "late");

        assertThat(late).isCompletedExceptionally();
        assertThat(failureOf(late)).isInstanceOf(RecordFailedException.class)
                .hasMessageContaining("coalescer 'test' is closed");
        assertThat(batches).isEmpty();
        coalescer.close(); // idempotent
    }

    @Test
    void closeLetsBatchesAlreadyHandedToTheSenderFinish() throws Exception {
        AtomicReference<CompletableFuture<List<RecordOutcome<String>>>> inFlight = new AtomicReference<>();
        AtomicReference<List<String>> inFlightItems = new AtomicReference<>();
        Coalescer<String, String> coalescer = coalescer(2, NEVER, items -> {
            inFlightItems.set(items);
            inFlight.set(new CompletableFuture<>());
            return inFlight.get();
        });
        CompletableFuture<String> a = coalescer.submit("k", "a");
        CompletableFuture<String> b = coalescer.submit("k", "b");
        CompletableFuture<String> buffered = coalescer.submit("k", "c");

        coalescer.close();

        assertThat(failureOf(buffered)).isInstanceOf(RecordFailedException.class);
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();

        inFlight.get().complete(successes(inFlightItems.get()));

        assertThat(a).isCompletedWithValue("done:a");
        assertThat(b).isCompletedWithValue("done:b");
    }

    @Test
    void closeRacingWithSubmittersLeavesNoCallerHanging() throws Exception {
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Coalescer<String, String> coalescer = coalescer(50, Duration.ofMillis(20), items -> {
            sent.addAll(items);
            return echoAsync(items);
        });
        int threads = 8;
        Queue<CompletableFuture<String>> futures = new ConcurrentLinkedQueue<>();
        CountDownLatch allSubmitting = new CountDownLatch(threads);
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            submitters.add(workers.submit(() -> {
                // Submit until close() is seen, then a few more, so close() lands in the middle of the stream.
                int afterClose = 0;
                for (int i = 0; afterClose < 20 && i < 50_000; i++) {
                    if (coalescer.isClosed()) {
                        afterClose++;
                    }
                    futures.add(coalescer.submit("k" + (i % 3), thread + "-" + i));
                    if (i == 200) {
                        allSubmitting.countDown();
                    }
                }
            }));
        }
        assertThat(allSubmitting.await(10, TimeUnit.SECONDS)).isTrue();

        coalescer.close();
        for (Future<?> submitter : submitters) {
            submitter.get(10, TimeUnit.SECONDS);
        }

        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(5, TimeUnit.SECONDS);
        int succeeded = 0;
        int notSent = 0;
        for (CompletableFuture<String> future : futures) {
            assertThat(future).isDone();
            if (future.isCompletedExceptionally()) {
                Throwable failure = failureOf(future);
                assertThat(failure).isInstanceOf(RecordFailedException.class).hasMessageContaining("not sent");
                Object record = ((RecordFailedException) failure).getFailedRecord().record();
                // Set.contains, not AssertJ's contains: that one scans, and there may be many thousands here.
                assertThat(sent.contains(record)).as("%s failed as not sent but was sent", record).isFalse();
                notSent++;
            } else {
                // A caller succeeds exactly when its own item went out.
                String item = future.get().substring("done:".length());
                assertThat(sent.contains(item)).as("%s succeeded but was never sent", item).isTrue();
                succeeded++;
            }
        }
        assertThat(succeeded).isEqualTo(sent.size());
        assertThat(succeeded + notSent).isEqualTo(futures.size());
        assertThat(notSent).as("submits after close fail").isGreaterThanOrEqualTo(threads * 20);
    }

    @Test
    void aShutDownSchedulerFailsTheItemInsteadOfLeavingItWaiting() throws Exception {
        ScheduledExecutorService deadScheduler = Executors.newSingleThreadScheduledExecutor();
        deadScheduler.shutdown();
        Coalescer<String, String> coalescer = new Coalescer<>("test", 10, NEVER, deadScheduler, this::echo);

        CompletableFuture<String> future = coalescer.submit("k", "a");

        assertThat(failureOf(future)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot time its window");
        assertThat(coalescer.bufferedCount()).isZero();
        coalescer.close();
    }

    @Test
    void rejectsBadSettingsWithClearMessages() {
        assertThatThrownBy(() -> coalescer(0, NEVER, this::echo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coalescer 'test': maxBatchSize must be at least 1 but was 0");
        assertThatThrownBy(() -> coalescer(10, Duration.ZERO, this::echo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> coalescer(10, Duration.ofMillis(-1), this::echo))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Coalescer<String, String>("test", 10, NEVER, null, this::echo))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("scheduler");
        assertThatThrownBy(() -> coalescer(10, NEVER, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sender");
    }
}
