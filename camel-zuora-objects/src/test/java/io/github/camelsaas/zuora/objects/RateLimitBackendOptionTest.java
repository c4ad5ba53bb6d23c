package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.ratelimit.Reservation;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * The component-level rateLimitBackend option: the one RateLimitBackend in the registry is autowired, and the
 * tenant's rate limit and its pause both live there under the tenant's key (they used to stay in the JVM).
 */
class RateLimitBackendOptionTest {

    private static ZuoraSimulator zuora;

    @BeforeAll
    static void startSimulator() {
        zuora = new ZuoraSimulator();
        zuora.start();
        zuora.registerObject("Order");
    }

    @AfterAll
    static void stopSimulator() {
        zuora.stop();
    }

    @Test
    void theTenantLimitAndPauseLiveInTheAutowiredBackend() throws Exception {
        RecordingBackend shared = new RecordingBackend();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("sharedLimits", shared);
            ZuoraObjectsComponent component = camel.getComponent("zuora-objects", ZuoraObjectsComponent.class);
            component.getConfiguration().setBaseUrl(zuora.baseUrl());
            component.getConfiguration().setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
            component.getConfiguration().setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
            camel.start();

            Exchange sent = camel.createProducerTemplate().send("zuora-objects:Order?requestsPerMinute=100",
                    exchange -> exchange.getMessage().setBody(List.of(Map.of("OrderNumber__c", "O-1"))));

            assertThat(sent.getException()).isNull();
            assertThat(component.getRateLimitBackend()).isSameAs(shared);
        }
        assertThat(shared.reserved).singleElement().asString().startsWith("zuora-objects:127.0.0.1#");
        // a pause Zuora asks for is the limiter's own, kept under that key (reserve waits it out)
        assertThat(shared.closed).isFalse();
    }

    /** An in-memory backend that remembers which keys were reserved and whose pause was read. */
    private static final class RecordingBackend implements RateLimitBackend {
        private final InMemoryRateLimitBackend delegate = new InMemoryRateLimitBackend();
        private final List<String> reserved = new CopyOnWriteArrayList<>();
        private final List<String> pauseReads = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        @Override
        public CompletableFuture<Reservation> reserve(String key, RateLimit limit, int permits, long leaseMillis,
                                                      long nowMillis) {
            reserved.add(key);
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
            pauseReads.add(key);
            return delegate.pausedUntil(key, nowMillis);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
