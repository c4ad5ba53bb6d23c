package io.github.camelsaas.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap in use over a span: every heap pool's peak is reset at the start and the peaks are summed at the end
 * (an upper bound: pools may peak at different moments). It includes garbage not yet collected, so it depends on
 * the JVM's heap size and collector as well as on the code; see the README for the -Xmx256m check.
 */
public final class HeapProbe {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();

    public void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public long peakBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
