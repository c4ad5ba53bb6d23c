package io.github.camelsaas.common.ratelimit;

import java.util.concurrent.CompletableFuture;

/**
 * Where the slots of each key live: in this JVM ({@link InMemoryRateLimitBackend}) or in a store that several JVMs
 * share ({@code RedisRateLimitBackend}, made by {@link RateLimitBackends#redis}). Keys name what they limit, e.g.
 * {@code kustomer:api.kustomerapp.com:customer:42}: a backend may be shared by several components and orgs, so
 * callers put their component and org or tenant in the key.
 *
 * <h2>The model: N slots per key, each held from its grant until a window after its request completed</h2>
 * A key limited to N per window W has N slots. A request takes a slot when it is granted and holds it while it is in
 * flight; when it completes (its answer arrived, or it failed after it was handed to the network) the slot frees a
 * full window later. The server counts a request at some instant between its grant and its completion, so two
 * requests that used one slot arrive at least W apart, whatever the latency: at most N arrive in any span of W on
 * the server's own clock. A request that was never sent gives its slot back as it was. A slot whose holder never
 * says it completed (a replica that died mid-request) frees {@code leaseMillis} after its grant, plus the window.
 *
 * <p>Implementations make {@link #reserve} and {@link #release} atomic per key: two callers, in this JVM or another,
 * never hold one slot together. Both backends implement the same arithmetic, slot for slot.
 *
 * <p>A shared store may be unreachable: its futures then fail with a {@link RateLimitUnavailableException}, and the
 * caller sends nothing (fail closed).
 */
public interface RateLimitBackend extends AutoCloseable {

    /**
     * Takes {@code permits} slots of {@code key} for one request the server counts that many times (a bulk call whose
     * every item counts against its customer), all at one grant time: the earliest instant, not before
     * {@code nowMillis} nor a pause of the key, at which that many slots are free. When fewer slots than that are
     * free or due to free (the others are held by requests in flight), nothing is taken and the answer says when to
     * ask again at the latest.
     *
     * @param limit       at most {@code limit.permits()} slots; a changed limit resizes the key's slots, keeping the
     *                    most recently used ones
     * @param permits     how many slots, from 1 to {@code limit.permits()}
     * @param leaseMillis the longest a request can take from its grant until the server has it; a slot not released
     *                    by then frees {@code leaseMillis} plus the window after the grant
     * @param nowMillis   the caller's clock (epoch ms); a shared store computes on its own clock and answers in the
     *                    caller's
     */
    CompletableFuture<Reservation> reserve(String key, RateLimit limit, int permits, long leaseMillis, long nowMillis);

    /**
     * Releases the slots a granted reservation took. {@code sent}: the request was handed to the network and has
     * now completed (answered, failed or timed out), so its slots free a window after {@code nowMillis} (a shared
     * store uses its own clock, when the release reaches it: later, never earlier). Not sent (stopped, refused before
     * sending, given up to a pause): the slots are as they were before the reservation. A lease already freed by its
     * bound, or released before, is left alone.
     */
    CompletableFuture<Void> release(String key, RateLimit limit, String lease, boolean sent, long nowMillis);

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
