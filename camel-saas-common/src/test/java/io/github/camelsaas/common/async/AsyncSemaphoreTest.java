package io.github.camelsaas.common.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncSemaphoreTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void neverMoreThanTheLimitInFlightAndEveryCallerServed() throws Exception {
        AsyncSemaphore semaphore = new AsyncSemaphore("test", 3, executor);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(CompletableFuture.supplyAsync(semaphore::acquire, executor)
                    .thenCompose(acquired -> acquired)
                    .thenRunAsync(() -> {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        inFlight.decrementAndGet();
                        semaphore.release();
                    }, executor));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(maxInFlight.get()).isBetween(1, 3);
        assertThat(semaphore.inUse()).isZero();
    }

    @Test
    void waitersAreServedInArrivalOrder() {
        AsyncSemaphore semaphore = new AsyncSemaphore("test", 1, Runnable::run);
        semaphore.acquire().join();
        CompletableFuture<Void> first = semaphore.acquire();
        CompletableFuture<Void> second = semaphore.acquire();
        semaphore.release();
        assertThat(first).isDone();
        assertThat(second).isNotDone();
        assertThat(semaphore.inUse()).isEqualTo(1);
    }

    @Test
    void closeFailsWaitersAndLaterAcquires() {
        AsyncSemaphore semaphore = new AsyncSemaphore("zuora concurrency cap", 1, Runnable::run);
        semaphore.acquire().join();
        CompletableFuture<Void> waiting = semaphore.acquire();

        semaphore.close();

        assertThat(waiting).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoppedException.class).withMessageContaining("zuora concurrency cap");
        assertThat(semaphore.acquire()).isCompletedExceptionally();
        semaphore.release(); // the held slot can still be given back
    }

    @Test
    void releaseWithoutAcquireIsABug() {
        AsyncSemaphore semaphore = new AsyncSemaphore("test", 1, Runnable::run);
        assertThatThrownBy(semaphore::release).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AsyncSemaphore("test", 0, Runnable::run))
                .hasMessageContaining("at least 1");
    }
}
