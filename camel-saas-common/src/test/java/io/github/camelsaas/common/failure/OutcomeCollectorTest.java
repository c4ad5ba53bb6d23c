package io.github.camelsaas.common.failure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OutcomeCollectorTest {

    @Test
    void aRecordCannotBeSettledTwice() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(3);
        collector.succeed(1, "first");

        assertThatThrownBy(() -> collector.succeed(1, "second"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("record #1 was already settled (succeeded)");
        assertThatThrownBy(() -> collector.fail(FailedRecord.validation(1, null, "bad")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot also be failed");
        assertThat(collector.succeeded()).containsExactly("first");
    }

    @Test
    void aFailedRecordCannotLaterSucceed() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(1);
        collector.fail(FailedRecord.validation(0, null, "bad"));

        assertThatThrownBy(() -> collector.succeed(0, "late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already settled (failed)");
        assertThat(collector.succeeded()).isEmpty();
    }

    @Test
    void rejectsIndexesOutsideTheInput() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(2);

        assertThatThrownBy(() -> collector.succeed(2, "x"))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> collector.fail(FailedRecord.validation(5, null, "m")))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void resultsAreInInputOrderWhateverTheSettlingOrder() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(6);
        List<Integer> order = IntStream.range(0, 6).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(order);
        for (int i : order) {
            if (i % 3 == 1) {
                collector.fail(FailedRecord.validation(i, "r" + i, "bad " + i));
            } else {
                collector.succeed(i, "v" + i);
            }
        }

        assertThat(collector.isComplete()).isTrue();
        assertThat(collector.succeeded()).containsExactly("v0", "v2", "v3", "v5");
        assertThat(collector.failed()).extracting(FailedRecord::index).containsExactly(1, 4);
        assertThat(collector.outcomes()).extracting(RecordOutcome::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(collector.outcomes()).extracting(RecordOutcome::isSuccess)
                .containsExactly(true, false, true, true, false, true);
    }

    @Test
    void unsettledIndexesShowWhatIsStillOpen() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(4);
        collector.succeed(0, "a");
        collector.succeed(2, "c");

        assertThat(collector.isComplete()).isFalse();
        assertThat(collector.unsettledIndexes()).containsExactly(1, 3);
        assertThatThrownBy(collector::outcomes)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("2 of 4 records are not settled yet: [1, 3]");
        assertThatThrownBy(collector::throwIfAnyFailed).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failRemainingSettlesOnlyTheOpenRecords() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(5);
        collector.succeed(0, "a");
        collector.fail(FailedRecord.fromResponse(3, "r3", 400, "E", "bad", false));

        int settled = collector.failRemaining(i -> FailedRecord.notSent(i, "r" + i, "producer stopped", true));

        assertThat(settled).isEqualTo(3);
        assertThat(collector.isComplete()).isTrue();
        assertThat(collector.succeeded()).containsExactly("a");
        assertThat(collector.failed()).extracting(FailedRecord::index).containsExactly(1, 2, 3, 4);
        assertThat(collector.failed().get(2).httpStatus()).isEqualTo(400); // the earlier failure stands
        assertThat(collector.failed().get(0).message()).isEqualTo("producer stopped");
        assertThat(collector.failRemaining(i -> { throw new AssertionError("nothing left to fail"); })).isZero();
    }

    @Test
    void failRemainingRejectsAFailureForTheWrongIndex() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(2);

        assertThatThrownBy(() -> collector.failRemaining(i -> FailedRecord.notSent(0, null, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1 but got one for index 0");
    }

    @Test
    void throwIfAnyFailedReturnsValuesWhenAllSucceeded() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(2);
        collector.succeed(1, "b");
        collector.succeed(0, "a");

        assertThat(collector.throwIfAnyFailed()).containsExactly("a", "b");
    }

    @Test
    void throwIfAnyFailedCarriesEveryRecordsFate() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(4);
        collector.succeed(0, "a");
        collector.fail(FailedRecord.fromResponse(1, "r1", 400, "71012520", "invalid value", false));
        collector.succeed(2, "c");
        collector.fail(FailedRecord.validation(3, "r3", "name is required"));

        PartialFailureException e = catchThrowableOfType(PartialFailureException.class, collector::throwIfAnyFailed);

        assertThat(e.getTotalRecords()).isEqualTo(4);
        assertThat(new ArrayList<Object>(e.getSucceeded())).containsExactly("a", "c");
        assertThat(e.getFailedRecords()).extracting(FailedRecord::index).containsExactly(1, 3);
        assertThat(e.getMessage())
                .isEqualTo("2 of 4 records failed: #1 (400 71012520: invalid value), #3 (name is required)");
    }

    @Test
    void completionCompletesWhenTheLastRecordIsSettled() {
        OutcomeCollector<String> collector = new OutcomeCollector<>(2);
        collector.succeed(0, "a");
        assertThat(collector.completion()).isNotDone();

        collector.fail(FailedRecord.validation(1, null, "bad"));

        assertThat(collector.completion()).isCompleted();
        assertThat(collector.completion().join()).extracting(RecordOutcome::isSuccess).containsExactly(true, false);
        assertThat(new OutcomeCollector<String>(0).completion()).isCompletedWithValue(List.of());
    }

    @Test
    void racingThreadsSettleEachRecordExactlyOnce() throws Exception {
        int records = 2_000;
        int threads = 8;
        OutcomeCollector<Integer> collector = new OutcomeCollector<>(records);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    // every thread tries every record; half of them fail it, half succeed it
                    for (int i = 0; i < records; i++) {
                        try {
                            if (thread % 2 == 0) {
                                collector.succeed(i, thread);
                            } else {
                                collector.fail(FailedRecord.notSent(i, null, "by " + thread));
                            }
                            wins.incrementAndGet();
                        } catch (IllegalStateException alreadySettled) {
                            rejected.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(wins.get()).isEqualTo(records);
        assertThat(rejected.get()).isEqualTo(records * (threads - 1));
        assertThat(collector.isComplete()).isTrue();
        assertThat(collector.succeeded().size() + collector.failed().size()).isEqualTo(records);
    }
}
