package io.github.camelsaas.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** Choosing a component's backend from its options, and the error when the optional Redis client is missing. */
class RateLimitBackendsTest {

    @Test
    void withoutTheRedisClientOnTheClasspathTheErrorSaysWhatToAdd() throws Exception {
        // a class loader that sees the JDK only, as an application without lettuce-core would
        try (URLClassLoader withoutLettuce = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> RateLimitBackends.requireRedisClient("rateLimitRedisUri", withoutLettuce))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("rateLimitRedisUri needs the Redis client")
                    .hasMessageContaining("add io.lettuce:lettuce-core");
        }
        RateLimitBackends.requireRedisClient("rateLimitRedisUri", getClass().getClassLoader());
    }

    @Test
    void byDefaultTheComponentOwnsAnInMemoryBackend() {
        ComponentRateLimitBackend chosen = ComponentRateLimitBackend.choose("kustomer", null, " ");

        assertThat(chosen.backend()).isInstanceOf(InMemoryRateLimitBackend.class);
        assertThat(chosen).hasToString("in this JVM only");
    }

    @Test
    void aSuppliedBackendIsUsedButNotClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        RateLimitBackend supplied = new ClosingBackend(closed);
        ComponentRateLimitBackend chosen = ComponentRateLimitBackend.choose("kustomer", supplied, null);

        chosen.close();

        assertThat(chosen.backend()).isSameAs(supplied);
        assertThat(closed).isFalse();
    }

    @Test
    void bothOptionsAtOnceAreRefusedNamingThem() {
        assertThatThrownBy(() -> ComponentRateLimitBackend.choose("zuora-objects",
                new InMemoryRateLimitBackend(), "redis://localhost:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zuora-objects component has both rateLimitBackend and rateLimitRedisUri");
    }

    private record ClosingBackend(AtomicBoolean closed) implements RateLimitBackend {
        @Override
        public CompletableFuture<Reservation> reserve(String key, RateLimit limit, int permits, long leaseMillis,
                                                      long nowMillis) {
            return CompletableFuture.completedFuture(Reservation.granted(nowMillis, "1:1"));
        }

        @Override
        public CompletableFuture<Void> release(String key, RateLimit limit, String lease, boolean sent,
                                               long nowMillis) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> pause(String key, long untilMillis) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Long> pausedUntil(String key, long nowMillis) {
            return CompletableFuture.completedFuture(nowMillis);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
