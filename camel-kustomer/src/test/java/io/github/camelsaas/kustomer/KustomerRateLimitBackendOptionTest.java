package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.ratelimit.Reservation;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rateLimitBackend component option: a RateLimitBackend bean is autowired when the registry holds exactly one,
 * every limiter of the component keeps its grants there under namespaced keys, and the bean is its owner's to
 * close. rateLimitRedisUri and rateLimitBackend together are refused.
 */
class KustomerRateLimitBackendOptionTest {

    private static final KustomerSimulator simulator = new KustomerSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(simulator);

    @Test
    void theOneBackendInTheRegistryIsAutowiredAndHoldsEveryLimitUnderNamespacedKeys() throws Exception {
        RecordingBackend shared = new RecordingBackend();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("sharedLimits", shared);
            configure(camel.getComponent("kustomer", KustomerComponent.class));
            camel.start();

            var created = camel.createProducerTemplate().request("kustomer:customers",
                    exchange -> exchange.getMessage().setBody(Map.of("name", "Ada")));
            String customer = created.getMessage().getHeader(KustomerConstants.ID, String.class);
            camel.createProducerTemplate().request("kustomer:kobjects?klass=order",
                    exchange -> {
                        exchange.getMessage().setBody(Map.of("title", "Order 1"));
                        exchange.getMessage().setHeader(KustomerConstants.CUSTOMER_ID, customer);
                    });

            assertThat(camel.getComponent("kustomer", KustomerComponent.class).getRateLimitBackend())
                    .isSameAs(shared);
            String org = "kustomer:" + simulator.baseUrl().replaceFirst("^http://", "");
            assertThat(shared.keys).contains(org + ":org", org + ":admission:" + customer,
                    org + ":customer:" + customer);
        }
        assertThat(shared.closed).as("a bean is closed by its owner, not by the component").isFalse();
    }

    @Test
    void bothBackendOptionsAtOnceFailTheStartNamingThem() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        KustomerComponent kustomer = camel.getComponent("kustomer", KustomerComponent.class);
        configure(kustomer);
        kustomer.setRateLimitBackend(new InMemoryRateLimitBackend());
        kustomer.setRateLimitRedisUri("redis://127.0.0.1:6379/0");

        assertThatThrownBy(camel::start).rootCause()
                .hasMessageContaining("has both rateLimitBackend and rateLimitRedisUri set");
        camel.close();
    }

    private static void configure(KustomerComponent kustomer) {
        kustomer.getConfiguration().setApiKey(KustomerSimulator.DEMO_API_KEY);
        kustomer.getConfiguration().setBaseUrl(simulator.baseUrl());
    }

    /** An in-memory backend that remembers the keys it was asked about and whether it was closed. */
    private static final class RecordingBackend implements RateLimitBackend {
        private final InMemoryRateLimitBackend delegate = new InMemoryRateLimitBackend();
        private final List<String> keys = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        @Override
        public CompletableFuture<Reservation> reserve(String key, RateLimit limit, int permits, long leaseMillis,
                                                      long nowMillis) {
            keys.add(key);
            return delegate.reserve(key, limit, permits, leaseMillis, nowMillis);
        }

        @Override
        public CompletableFuture<Void> release(String key, RateLimit limit, String lease, boolean sent,
                                               long nowMillis) {
            return delegate.release(key, limit, lease, sent, nowMillis);
        }

        @Override
        public CompletableFuture<Void> pause(String key, long untilMillis) {
            return delegate.pause(key, untilMillis);
        }

        @Override
        public CompletableFuture<Long> pausedUntil(String key, long nowMillis) {
            return delegate.pausedUntil(key, nowMillis);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
