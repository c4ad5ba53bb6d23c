package io.github.camelsaas.zuora.objects;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.camelsaas.simulator.common.SimRequest;
import io.github.camelsaas.simulator.common.SimResponse;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * The Zuora simulator with an exact concurrency probe. The simulator's own count runs until the last byte of an
 * answer is sent, so a client that sends its next call the moment an answer arrives can briefly be counted
 * twice. Here each data call spends a processing time inside the handler and is counted only there: an answer
 * leaves after its call stopped counting, so only calls really in flight together are counted together.
 */
final class ConcurrencyProbeSimulator extends ZuoraSimulator {

    private final AtomicInteger processing = new AtomicInteger();
    private final AtomicInteger maxProcessing = new AtomicInteger();
    private volatile Duration processingTime = Duration.ZERO;

    /** How long Zuora "works" on each data call (token calls excluded). */
    void setProcessingTime(Duration processingTime) {
        this.processingTime = processingTime;
    }

    /** Data calls being processed now. */
    int processing() {
        return processing.get();
    }

    /** The most data calls processed at the same time since the last reset. */
    int maxProcessing() {
        return maxProcessing.get();
    }

    @Override
    public void resetAll() {
        super.resetAll();
        processingTime = Duration.ZERO;
        maxProcessing.set(0);
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        if (!request.path().startsWith("/objects/")) {
            return super.handle(request);
        }
        maxProcessing.accumulateAndGet(processing.incrementAndGet(), Math::max);
        try {
            work(processingTime);
            return super.handle(request);
        } finally {
            processing.decrementAndGet();
        }
    }

    /** The server busy with a call: this is the fake Zuora's work, not a test waiting for a condition. */
    private static void work(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        for (long left = time.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
