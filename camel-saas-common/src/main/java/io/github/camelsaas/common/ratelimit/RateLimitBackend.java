package io.github.camelsaas.common.ratelimit;

import java.util.concurrent.CompletableFuture;

/**
 * Where the grant history of each key lives: in this JVM ({@link InMemoryRateLimitBackend}) or in a store that
 * several JVMs share. Implementations must make {@link #reserve} atomic per key: two callers, in this JVM or
 * another, never get slots that together break the limit.
 */
public interface RateLimitBackend extends AutoCloseable {

    /**
     * Reserves the earliest grant time for {@code key} that is not before {@code nowMillis}, not before a pause of
     * the key, and leaves at most {@code limit.permits()} grants in any span of {@code limit.window()}. The slot
     * is counted as granted from then on, whether or not the caller ends up using it.
     *
     * @return the reserved grant time, epoch milliseconds
     */
    CompletableFuture<Long> reserve(String key, RateLimit limit, long nowMillis);

    /** No grant for {@code key} before {@code untilMillis} (a 429 or an exhausted quota said so). */
    CompletableFuture<Void> pause(String key, long untilMillis);

    @Override
    default void close() {
    }
}
