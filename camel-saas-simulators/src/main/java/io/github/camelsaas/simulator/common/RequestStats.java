package io.github.camelsaas.simulator.common;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What arrived at a simulator: calls per route, calls in flight (now and at most), 429s sent. Thread-safe. */
public final class RequestStats {

    private final Map<String, LongAdder> callsByRoute = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final LongAdder total = new LongAdder();
    private final LongAdder tooManyRequests = new LongAdder();

    /** Counts one call to a route, named like {@code "POST /v1/klasses/{name}"}. */
    public void recordCall(String route) {
        callsByRoute.computeIfAbsent(route, r -> new LongAdder()).increment();
        total.increment();
    }

    void requestStarted() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    void tooManyRequestsSent() {
        tooManyRequests.increment();
    }

    /** Calls to one route, e.g. {@code calls("POST /objects/records/default/{object}")}. */
    public long calls(String route) {
        LongAdder adder = callsByRoute.get(route);
        return adder == null ? 0 : adder.sum();
    }

    /** Calls per route, sorted by route. */
    public Map<String, Long> callsByRoute() {
        Map<String, Long> copy = new TreeMap<>();
        callsByRoute.forEach((route, adder) -> copy.put(route, adder.sum()));
        return copy;
    }

    public long totalCalls() {
        return total.sum();
    }

    /** Requests being served right now, this one included when asked while handling a request. */
    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** How many 429 answers the simulator sent. */
    public long tooManyRequests() {
        return tooManyRequests.sum();
    }

    public void reset() {
        callsByRoute.clear();
        total.reset();
        tooManyRequests.reset();
        maxInFlight.set(inFlight.get());
    }
}
