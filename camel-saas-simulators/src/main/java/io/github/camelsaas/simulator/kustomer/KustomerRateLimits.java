package io.github.camelsaas.simulator.kustomer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelsaas.simulator.common.SimResponse;
import io.github.camelsaas.simulator.common.WindowLimiter;
import io.github.camelsaas.simulator.common.WindowMode;

/**
 * Kustomer's two request limits: org-wide requests per window (every authenticated call counts, bulk and paged
 * ones too; 300 per minute is the smallest plan) and creates per customer per window (120 per minute for KObjects,
 * conversations, messages and notes linked to a customer). Counts the 429s of each kind and keeps the time of every
 * counted create per customer, so a test can check what the server saw. Thread-safe.
 */
final class KustomerRateLimits {

    static final int DEFAULT_ORG_LIMIT = 300;
    static final int DEFAULT_CUSTOMER_CREATE_LIMIT = 120;
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    private static final String ORG_KEY = "org";

    /** A refused batch of creates: the customer whose limit is reached, and what its limiter reports. */
    record CustomerRejection(String customerId, WindowLimiter.Decision decision) {
    }

    private final WindowLimiter orgLimiter = new WindowLimiter(DEFAULT_ORG_LIMIT, DEFAULT_WINDOW, WindowMode.SLIDING);
    private final WindowLimiter customerLimiter =
            new WindowLimiter(DEFAULT_CUSTOMER_CREATE_LIMIT, DEFAULT_WINDOW, WindowMode.SLIDING);
    private final LongAdder orgRejections = new LongAdder();
    private final LongAdder customerRejections = new LongAdder();
    private final Map<String, List<Long>> createTimesByCustomer = new ConcurrentHashMap<>();
    private volatile boolean bulkCountsPerItem = true;
    private volatile WindowMode mode = WindowMode.SLIDING;

    synchronized void configureOrg(int limit, Duration window) {
        orgLimiter.configure(limit, window, mode);
    }

    synchronized void configureCustomerCreates(int limit, Duration window) {
        customerLimiter.configure(limit, window, mode);
    }

    /** Sliding or fixed windows for both limits; forgets what was counted so far. */
    synchronized void setWindowMode(WindowMode mode) {
        this.mode = mode;
        orgLimiter.configure(orgLimiter.limit(), orgLimiter.window(), mode);
        customerLimiter.configure(customerLimiter.limit(), customerLimiter.window(), mode);
    }

    void setBulkCountsPerItem(boolean perItem) {
        this.bulkCountsPerItem = perItem;
    }

    boolean bulkCountsPerItem() {
        return bulkCountsPerItem;
    }

    /** Counts one call against the org limit (a refused call is not counted, as a server would not). */
    WindowLimiter.Decision admitOrgCall() {
        WindowLimiter.Decision decision = orgLimiter.tryAcquire(ORG_KEY);
        if (!decision.allowed()) {
            orgRejections.increment();
        }
        return decision;
    }

    /** The org limit's state without counting, for answers to calls that do not count (401). */
    WindowLimiter.Decision peekOrg() {
        return orgLimiter.peek(ORG_KEY);
    }

    /**
     * Counts creates per customer, all or none: when any customer lacks room for its share, nothing is counted and
     * that customer's state is returned (a bulk request is refused whole, never half-stored).
     */
    synchronized Optional<CustomerRejection> admitCustomerCreates(Map<String, Integer> createsByCustomer) {
        for (Map.Entry<String, Integer> entry : createsByCustomer.entrySet()) {
            WindowLimiter.Decision state = customerLimiter.peek(entry.getKey());
            if (state.limit() > 0 && state.remaining() < entry.getValue()) {
                customerRejections.increment();
                WindowLimiter.Decision refused = new WindowLimiter.Decision(false, state.limit(), state.remaining(),
                        state.resetAtEpochMillis());
                return Optional.of(new CustomerRejection(entry.getKey(), refused));
            }
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Integer> entry : createsByCustomer.entrySet()) {
            List<Long> times = createTimesByCustomer.computeIfAbsent(entry.getKey(), k -> new ArrayList<>());
            for (int i = 0; i < entry.getValue(); i++) {
                customerLimiter.tryAcquire(entry.getKey());
                times.add(now);
            }
        }
        return Optional.empty();
    }

    /** When the customer's counted creates arrived (epoch millis, oldest first). */
    synchronized List<Long> createTimes(String customerId) {
        return List.copyOf(createTimesByCustomer.getOrDefault(customerId, List.of()));
    }

    long orgRejections() {
        return orgRejections.sum();
    }

    long customerRejections() {
        return customerRejections.sum();
    }

    /** Clears what was counted; the configuration (limits, windows, mode, bulk counting) stays. */
    synchronized void resetCounts() {
        orgLimiter.reset();
        customerLimiter.reset();
        orgRejections.reset();
        customerRejections.reset();
        createTimesByCustomer.clear();
    }

    /** Back to Kustomer's defaults: 300 calls and 120 creates per customer per 60 s, sliding, bulk counted per item. */
    synchronized void restoreDefaults() {
        mode = WindowMode.SLIDING;
        orgLimiter.configure(DEFAULT_ORG_LIMIT, DEFAULT_WINDOW, mode);
        customerLimiter.configure(DEFAULT_CUSTOMER_CREATE_LIMIT, DEFAULT_WINDOW, mode);
        bulkCountsPerItem = true;
        resetCounts();
    }

    /**
     * Adds {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code x-ratelimit-reset} (epoch seconds) and,
     * on a refusal, {@code Retry-After} (seconds). Nothing for an unlimited limiter.
     */
    static void applyHeaders(WindowLimiter.Decision decision, HeaderSink sink) {
        if (decision.limit() <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        sink.header("x-ratelimit-limit", decision.limit());
        sink.header("x-ratelimit-remaining", Math.max(0, decision.remaining()));
        sink.header("x-ratelimit-reset", (decision.resetAtEpochMillis() + 999) / 1000);
        if (!decision.allowed()) {
            sink.header("Retry-After", decision.retryAfterSeconds(now));
        }
    }

    /** Where headers go: an answer or an exception about to become one. */
    @FunctionalInterface
    interface HeaderSink {
        void header(String name, Object value);

        static HeaderSink of(SimResponse response) {
            return response::header;
        }

        static HeaderSink of(ApiException exception) {
            return exception::withHeader;
        }
    }
}
