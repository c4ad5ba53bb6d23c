package io.github.camelsaas.common.ratelimit;

import java.util.concurrent.CompletableFuture;

/**
 * Where the grant history of each key lives: in this JVM ({@link InMemoryRateLimitBackend}) or in a store that
 * several JVMs share ({@code RedisRateLimitBackend}, made by {@link RateLimitBackends#redis}). Implementations must
 * make {@link #reserve} atomic per key: two callers, in this JVM or another, never get slots that together break
 * the limit. Keys name what they limit, e.g. {@code kustomer:api.kustomerapp.com:customer:42}: a backend may be
 * shared by several components and orgs, so callers put their component and org or tenant in the key.
 *
 * <p>A shared store may be unreachable: its futures then fail with a {@link RateLimitUnavailableException}, and the
 * caller sends nothing (fail closed).
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

    /**
     * Reserves {@code permits} grants for {@code key} at one and the same instant, for a request the server counts
     * several times (a bulk call whose every item counts against its customer). Granting them one after the other
     * would record the first ones too early: the server counts them all when the request arrives, after the last
     * grant, so later grants could then crowd the window. The slot is the earliest instant at which all of them fit.
     *
     * <p>The default supports a single permit only; backends that can reserve several atomically override it.
     *
     * @param permits how many grants, from 1 to {@code limit.permits()}
     * @return the reserved grant time of all of them, epoch milliseconds
     */
    default CompletableFuture<Long> reserve(String key, RateLimit limit, long nowMillis, int permits) {
        if (permits == 1) {
            return reserve(key, limit, nowMillis);
        }
        return CompletableFuture.failedFuture(new UnsupportedOperationException(getClass().getSimpleName()
                + " cannot reserve " + permits + " permits at one instant"));
    }

    /** No grant for {@code key} before {@code untilMillis} (a 429 or an exhausted quota said so). */
    CompletableFuture<Void> pause(String key, long untilMillis);

    /**
     * Until when {@code key} is paused by {@link #pause}, in the caller's clock; {@code nowMillis} or earlier when it
     * is not. For callers that obey a server's pause without taking a grant (a Zuora tenant without a client rate
     * limit still waits out a 429 another JVM was given).
     */
    CompletableFuture<Long> pausedUntil(String key, long nowMillis);

    @Override
    default void close() {
    }
}
