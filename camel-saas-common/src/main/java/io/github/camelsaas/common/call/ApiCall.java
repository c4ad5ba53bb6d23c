package io.github.camelsaas.common.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.camelsaas.common.http.SaasHttpRequest;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.retry.RetryClassifier;

/**
 * One logical API call as a component describes it: the permits it needs, how to build its request (again for
 * each attempt, e.g. with a fresh token), and which answers are worth another attempt.
 */
public final class ApiCall {

    private final List<Permit> permitsBeforeSlot;
    private final List<Permit> permits;
    private final Supplier<CompletableFuture<SaasHttpRequest>> request;
    private final RetryClassifier<SaasHttpResponse> classifier;
    private final Runnable onAttempt;

    /**
     * The one order every call takes its permits in. A call holds the permits it has while it waits for the next, so
     * two calls taking two keys in opposite orders (two bulk creates for customers X and Y) could each hold what
     * the other waits for, until their leases ran out; one total order over every limiter and key, the same in
     * every JVM, rules that out.
     */
    static final Comparator<Permit> TAKING_ORDER =
            Comparator.comparing((Permit permit) -> permit.limiter().name()).thenComparing(Permit::key);

    private ApiCall(Builder builder) {
        this.permitsBeforeSlot = inTakingOrder(builder.permitsBeforeSlot);
        this.permits = inTakingOrder(builder.permits);
        this.request = builder.request;
        this.classifier = builder.classifier;
        this.onAttempt = builder.onAttempt;
    }

    private static List<Permit> inTakingOrder(List<Permit> permits) {
        // one call per request: most have a single permit, which needs no sorting
        return permits.size() < 2 ? List.copyOf(permits) : permits.stream().sorted(TAKING_ORDER).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Permits taken before the call queues for a concurrency slot, in {@link #TAKING_ORDER}. */
    public List<Permit> permitsBeforeSlot() {
        return permitsBeforeSlot;
    }

    /** Permits taken while holding the slot, right before sending, in {@link #TAKING_ORDER}. */
    public List<Permit> permits() {
        return permits;
    }

    /** Every permit, in the order taken. */
    public List<Permit> allPermits() {
        List<Permit> all = new ArrayList<>(permitsBeforeSlot);
        all.addAll(permits);
        return all;
    }

    Supplier<CompletableFuture<SaasHttpRequest>> request() {
        return request;
    }

    RetryClassifier<SaasHttpResponse> classifier() {
        return classifier;
    }

    Runnable onAttempt() {
        return onAttempt;
    }

    public static final class Builder {
        private final List<Permit> permitsBeforeSlot = new ArrayList<>();
        private final List<Permit> permits = new ArrayList<>();
        private Supplier<CompletableFuture<SaasHttpRequest>> request;
        private RetryClassifier<SaasHttpResponse> classifier;
        private Runnable onAttempt = () -> {
        };

        /**
         * A permit taken while the call holds its concurrency slot, right before sending: the request leaves when
         * the permit is granted, so the server sees the spacing the limiter made. Use it for keys every call
         * shares (the org, the tenant), where waiting while holding a slot blocks nobody who could go instead.
         */
        public Builder permit(Permit permit) {
            permits.add(permit);
            return this;
        }

        /**
         * A permit taken before the call queues for a concurrency slot. Use it for narrow keys (one customer):
         * a call waiting for its customer's permit must not hold a slot that another customer's call could use.
         */
        public Builder permitBeforeSlot(Permit permit) {
            permitsBeforeSlot.add(permit);
            return this;
        }

        /** Builds the request of each attempt (asynchronously: a token may have to be fetched first). */
        public Builder request(Supplier<CompletableFuture<SaasHttpRequest>> request) {
            this.request = request;
            return this;
        }

        /** A request that is the same for every attempt. */
        public Builder request(SaasHttpRequest request) {
            return request(() -> CompletableFuture.completedFuture(request));
        }

        public Builder classifier(RetryClassifier<SaasHttpResponse> classifier) {
            this.classifier = classifier;
            return this;
        }

        /** Runs once for every request actually sent (to count calls per exchange). */
        public Builder onAttempt(Runnable onAttempt) {
            this.onAttempt = onAttempt;
            return this;
        }

        public ApiCall build() {
            if (request == null || classifier == null) {
                throw new IllegalStateException("an API call needs a request and a retry classifier");
            }
            return new ApiCall(this);
        }
    }
}
