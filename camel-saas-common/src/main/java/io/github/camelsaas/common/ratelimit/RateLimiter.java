package io.github.camelsaas.common.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import io.github.camelsaas.common.async.Delays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed rate limiting that never lets a burst through: for each key (org, customer, tenant) at most N permits in
 * any span of length W. {@link #acquire} returns a future that completes when the permit is granted; the wait
 * is scheduled, no thread is parked. {@link #pause} applies what the server said (a 429, a quota at zero).
 *
 * <p>Grants are reserved ahead of time with a small safety margin added to the window, because the moment a
 * permit is granted and the moment the server counts the request differ by scheduling and network jitter.
 */
public final class RateLimiter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final String name;
    private final RateLimitBackend backend;
    private final Delays delays;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, Long> localPauses = new ConcurrentHashMap<>();
    private volatile GrantListener grantListener = GrantListener.NONE;
    private volatile RateLimit limit;
    private volatile RateLimit effectiveLimit;

    /**
     * @param name      used in log lines and errors, e.g. "kustomer org limit"
     * @param limit     at most this many permits per window, per key
     * @param backend   where grant history lives
     * @param scheduler runs the scheduled grants (owned by the caller)
     */
    public RateLimiter(String name, RateLimit limit, RateLimitBackend backend, ScheduledExecutorService scheduler) {
        this(name, limit, backend, scheduler, System::currentTimeMillis);
    }

    RateLimiter(String name, RateLimit limit, RateLimitBackend backend, ScheduledExecutorService scheduler,
                LongSupplier clockMillis) {
        this.name = name;
        this.backend = backend;
        this.delays = new Delays(name, scheduler);
        this.clockMillis = clockMillis;
        setLimit(limit);
    }

    /** The margin added to the window: 5% of it, at most 250 ms. */
    static Duration safetyMargin(Duration window) {
        return Duration.ofMillis(Math.min(250, window.toMillis() / 20));
    }

    /**
     * Told of every grant this limiter hands out in this JVM (not of grants other JVMs sharing the backend hand
     * out), e.g. to judge whether a server's "quota at zero" is explained by this application's own calls.
     */
    @FunctionalInterface
    public interface GrantListener {

        /** {@code permits} permits of {@code key} were granted at {@code grantedAtMillis} (epoch ms). */
        void granted(String key, int permits, long grantedAtMillis);

        GrantListener NONE = (key, permits, grantedAtMillis) -> {
        };
    }

    /** Replaces the listener told of each grant (one per limiter; {@link GrantListener#NONE} to stop). */
    public void setGrantListener(GrantListener listener) {
        this.grantListener = listener == null ? GrantListener.NONE : listener;
    }

    /** The span in which at most {@code limit().permits()} are granted: the window plus the safety margin. */
    public Duration enforcedWindow() {
        return effectiveLimit.window();
    }

    /** Changes the limit, e.g. when the server states a plan limit other than the assumed one. */
    public void setLimit(RateLimit limit) {
        this.limit = limit;
        this.effectiveLimit = RateLimit.of(limit.permits(), limit.window().plus(safetyMargin(limit.window())));
    }

    public RateLimit limit() {
        return limit;
    }

    /** Completes when a permit for {@code key} is granted; fails with a StoppedException if closed meanwhile. */
    public CompletableFuture<Void> acquire(String key) {
        return acquire(key, 1);
    }

    /**
     * Completes when {@code permits} permits for {@code key} are granted, all at the same instant: for a request
     * the server counts several times (see {@link RateLimitBackend#reserve(String, RateLimit, long, int)}).
     *
     * @throws IllegalArgumentException when {@code permits} is below 1 or above the limit's permits per window,
     *                                  which could never be granted
     */
    public CompletableFuture<Void> acquire(String key, int permits) {
        RateLimit current = effectiveLimit;
        if (permits < 1 || permits > current.permits()) {
            throw new IllegalArgumentException(name + ": a request needing " + permits + " permits of key " + key
                    + " can never be granted under a limit of " + limit);
        }
        long now = clockMillis.getAsLong();
        return backend.reserve(key, current, now, permits).thenCompose(slot -> {
            if (slot > now) {
                LOG.debug("{}: key {} waits {} ms for {} permit(s)", name, key, slot - now, permits);
            }
            return delays.after(slot - now).thenCompose(ignored -> grantOrWaitOutPause(key, permits));
        });
    }

    /**
     * A pause announced after this permit was reserved must still hold: such a grant is given up (it stays
     * counted, which only costs throughput) and a fresh one is reserved after the pause.
     */
    private CompletableFuture<Void> grantOrWaitOutPause(String key, int permits) {
        Long pausedUntil = localPauses.get(key);
        if (pausedUntil != null) {
            if (pausedUntil > clockMillis.getAsLong()) {
                return acquire(key, permits);
            }
            localPauses.remove(key, pausedUntil);
        }
        grantListener.granted(key, permits, clockMillis.getAsLong());
        return CompletableFuture.completedFuture(null);
    }

    /** No permit for {@code key} before {@code until}. */
    public CompletableFuture<Void> pause(String key, Instant until) {
        // round up: a pause must never end before the instant the server announced
        long untilMillis = until.toEpochMilli() + (until.getNano() % 1_000_000 == 0 ? 0 : 1);
        localPauses.merge(key, untilMillis, Math::max);
        LOG.debug("{}: key {} paused until {}", name, key, until);
        return backend.pause(key, untilMillis).whenComplete((ignored, failure) -> {
            if (failure != null) {
                // this JVM still waits (local pause); only the other JVMs sharing the backend are not told
                LOG.warn("{}: the pause of key {} until {} could not be shared: {}", name, key, until,
                        failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
            }
        });
    }

    /** Fails every pending acquire; later acquires fail at once. Does not close the shared backend. */
    @Override
    public void close() {
        delays.close();
    }

    public String name() {
        return name;
    }
}
