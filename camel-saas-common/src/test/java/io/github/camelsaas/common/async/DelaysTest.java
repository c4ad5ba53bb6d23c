package io.github.camelsaas.common.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DelaysTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void completesAfterTheDelayAndImmediatelyForNone() throws Exception {
        Delays delays = new Delays("test", scheduler);
        assertThat(delays.after(0)).isDone();
        long start = System.nanoTime();
        delays.after(100).get(2, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(100);
        assertThat(delays.pendingCount()).isZero();
    }

    @Test
    void closeFailsPendingAndLaterDelays() {
        Delays delays = new Delays("zuora retries", scheduler);
        CompletableFuture<Void> pending = delays.after(60_000);
        delays.close();
        assertThat(pending).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoppedException.class).withMessageContaining("zuora retries stopped");
        assertThat(delays.after(10)).isCompletedExceptionally();
    }

    @Test
    void aShutDownSchedulerFailsTheDelayInsteadOfDroppingIt() {
        Delays delays = new Delays("test", scheduler);
        scheduler.shutdownNow();
        assertThat(delays.after(10)).isCompletedExceptionally();
    }
}
