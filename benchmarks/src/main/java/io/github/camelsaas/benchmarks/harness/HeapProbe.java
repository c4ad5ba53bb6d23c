package io.github.camelsaas.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap in use over a span, sampled every few milliseconds from a daemon thread (summing each pool's own peak
 * would overstate it: pools peak at different moments). Heap in use includes garbage not yet collected, so the
 * figure depends on the heap size and collector as well as on the code: compare runs made with the same JVM
 * options, and see the README for the -Xmx check.
 */
public final class HeapProbe {

    private static final long SAMPLE_MILLIS = 2;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean sampling;
    private Thread sampler;

    /** Starts sampling from now (the current use counts). */
    public void start() {
        peak.set(used());
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling; returns the most heap seen in use since {@link #start}, in bytes. */
    public long stop() {
        peak.accumulateAndGet(used(), Math::max);
        sampling = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return peak.get();
    }

    /** Heap in use right after a full collection: what is live (e.g. the input records before a run). */
    public long liveAfterGc() {
        System.gc();
        return used();
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }
}
