package io.github.camelsaas.common.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.async.Delays;
import io.github.camelsaas.common.async.StoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed rate limiting whose guarantee holds on the server's clock, whatever the latency: for each key (org,
 * customer, tenant) at most N requests arrive at the server in any span of length W.
 *
 * <p>How: each key has N slots (see {@link RateLimitBackend}). {@link #acquire} completes with a {@link Grant} that
 * holds a slot while its request is in flight; the holder ends it when the request is over, and the slot frees a
 * full window after that. A request is counted by the server somewhere between its grant and its completion, so
 * two requests on one slot arrive at least W apart, however long connecting, queueing or the vendor took. Bursts
 * of N at the start of a window go at once; the price is the latency of one request per slot per window (0.2% at
 * a 60 s window and 100 ms calls). Only a few ms are added to the window, for clock granularity.
 *
 * <p>Waiting: per key, acquires queue in this JVM in arrival order; the head asks the backend, and a grant due
 * later is scheduled, never waited for on a parked thread. When every slot is in flight the queue waits for one of
 * this JVM's requests on that key to end, or asks again a window later (another JVM's request, sharing a Redis
 * backend, can only have freed a slot for a window after it ended, so no grant is delayed by that). {@link #pause}
 * applies what the server said (a 429, a quota at zero).
 */
public final class RateLimiter implements AutoCloseable {

    /** Added to the window for clock granularity (ms clocks on both sides, timers that fire late, never early). */
    static final Duration CLOCK_MARGIN = Duration.ofMillis(5);
    /** The bound on a request's time in flight when the owner names none (see {@link #RateLimiter}). */
    public static final Duration DEFAULT_IN_FLIGHT_BOUND = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final String name;
    private final RateLimitBackend backend;
    private final ScheduledExecutorService scheduler;
    private final Delays delays;
    private final LongSupplier clockMillis;
    private final long inFlightBoundMillis;
    private final ConcurrentHashMap<String, Long> localPauses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, KeyQueue> queues = new ConcurrentHashMap<>();
    private volatile GrantListener grantListener = GrantListener.NONE;
    private volatile RateLimit limit;
    private volatile RateLimit effectiveLimit;
    private volatile boolean closed;

    /**
     * A limiter whose requests are in flight for at most {@link #DEFAULT_IN_FLIGHT_BOUND}.
     *
     * @see #RateLimiter(String, RateLimit, RateLimitBackend, ScheduledExecutorService, Duration)
     */
    public RateLimiter(String name, RateLimit limit, RateLimitBackend backend, ScheduledExecutorService scheduler) {
        this(name, limit, backend, scheduler, DEFAULT_IN_FLIGHT_BOUND);
    }

    /**
     * @param name          used in log lines and errors, e.g. "kustomer org limit"
     * @param limit         at most this many requests per window, per key
     * @param backend       where the slots live
     * @param scheduler     runs the scheduled grants (owned by the caller)
     * @param inFlightBound the longest a request can take from its grant until the server has it (the transport's
     *                      connect plus response timeouts): a grant its holder never ends (a replica that died
     *                      mid-request) frees its slot that long after the grant, plus the window
     */
    public RateLimiter(String name, RateLimit limit, RateLimitBackend backend, ScheduledExecutorService scheduler,
                       Duration inFlightBound) {
        this(name, limit, backend, scheduler, inFlightBound, System::currentTimeMillis);
    }

    RateLimiter(String name, RateLimit limit, RateLimitBackend backend, ScheduledExecutorService scheduler,
                Duration inFlightBound, LongSupplier clockMillis) {
        if (inFlightBound == null || inFlightBound.isNegative() || inFlightBound.isZero()) {
            throw new IllegalArgumentException("the bound on a request's time in flight must be positive, was "
                    + inFlightBound);
        }
        this.name = name;
        this.backend = backend;
        this.scheduler = scheduler;
        this.delays = new Delays(name, scheduler);
        this.clockMillis = clockMillis;
        this.inFlightBoundMillis = inFlightBound.toMillis();
        setLimit(limit);
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

    /** The span in which at most {@code limit().permits()} requests arrive: the window plus the clock margin. */
    public Duration enforcedWindow() {
        return effectiveLimit.window();
    }

    /** Changes the limit, e.g. when the server states a plan limit other than the assumed one. */
    public void setLimit(RateLimit limit) {
        this.limit = limit;
        this.effectiveLimit = RateLimit.of(limit.permits(), limit.window().plus(CLOCK_MARGIN));
    }

    public RateLimit limit() {
        return limit;
    }

    /** Completes with a grant of one permit for {@code key}; fails with a StoppedException if closed meanwhile. */
    public CompletableFuture<Grant> acquire(String key) {
        return acquire(key, 1);
    }

    /**
     * Completes with a grant of {@code permits} permits for {@code key}, all at the same instant, for a request the
     * server counts several times (a bulk call whose every item counts against its customer). The caller must end
     * the grant ({@link Grant#completed()} or {@link Grant#notSent()}) when the request is over.
     *
     * @throws IllegalArgumentException when {@code permits} is below 1 or above the limit's permits per window,
     *                                  which could never be granted
     */
    public CompletableFuture<Grant> acquire(String key, int permits) {
        if (permits < 1 || permits > effectiveLimit.permits()) {
            throw new IllegalArgumentException(name + ": a request needing " + permits + " permits of key " + key
                    + " can never be granted under a limit of " + limit);
        }
        if (closed) {
            return CompletableFuture.failedFuture(stopped());
        }
        Waiter waiter = new Waiter(permits);
        while (true) {
            KeyQueue queue = queues.computeIfAbsent(key, KeyQueue::new);
            boolean start;
            synchronized (queue) {
                if (queue.removed) {
                    continue; // emptied and dropped meanwhile: join its successor
                }
                queue.waiting.addLast(waiter);
                start = !queue.draining;
                queue.draining = true;
            }
            if (start) {
                drain(queue);
            }
            if (closed) {
                // close() may have swept the queues before this waiter joined
                waiter.future.completeExceptionally(stopped());
            }
            return waiter.future;
        }
    }

    /** Asks the backend for the head of the queue, then the next, until the queue is empty or every slot is held. */
    private void drain(KeyQueue queue) {
        while (true) {
            Waiter head;
            long wakeupsSeen;
            synchronized (queue) {
                head = queue.waiting.peekFirst();
                if (head == null) {
                    queue.draining = false;
                    queue.removed = true;
                    queues.remove(queue.key, queue);
                    return;
                }
                wakeupsSeen = queue.wakeups;
            }
            if (closed) {
                failAll(queue, stopped());
                return;
            }
            CompletableFuture<Reservation> answer;
            try {
                answer = backend.reserve(queue.key, effectiveLimit, head.permits, inFlightBoundMillis,
                        clockMillis.getAsLong());
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            if (!answer.isDone()) {
                // a shared store answers later, on its own thread: go on from there (never nested in this frame)
                answer.whenComplete((reservation, failure) -> runSoon(() -> {
                    try {
                        if (apply(queue, head, reservation, FutureFailures.unwrap(failure), wakeupsSeen)) {
                            drain(queue);
                        }
                    } catch (RuntimeException e) {
                        failAll(queue, e); // never leave the key's queue draining with nobody to go on
                    }
                }));
                return;
            }
            Reservation reservation = null;
            Throwable failure = null;
            try {
                reservation = answer.join();
            } catch (CompletionException e) {
                failure = FutureFailures.unwrap(e);
            }
            try {
                if (!apply(queue, head, reservation, failure, wakeupsSeen)) {
                    return;
                }
            } catch (RuntimeException e) {
                failAll(queue, e);
                return;
            }
        }
    }

    /** @return whether to go on with the next waiter (false: the queue waits for a slot to free) */
    private boolean apply(KeyQueue queue, Waiter head, Reservation reservation, Throwable failure, long wakeupsSeen) {
        if (failure != null) {
            remove(queue, head);
            head.future.completeExceptionally(failure);
            return true;
        }
        if (reservation.granted()) {
            remove(queue, head);
            scheduleGrant(queue, head, reservation);
            return true;
        }
        long generation;
        synchronized (queue) {
            if (queue.wakeups != wakeupsSeen) {
                return true; // a slot of this key was released while we asked: ask again now
            }
            queue.parked = true;
            generation = ++queue.parkings;
        }
        long waitMillis = reservation.atMillis() - clockMillis.getAsLong();
        LOG.debug("{}: every slot of key {} is in flight; waiting for one to end (at most {} ms)", name, queue.key,
                waitMillis);
        CompletableFuture<Void> timer = delays.after(waitMillis);
        synchronized (queue) {
            queue.parkTimer = timer;
        }
        timer.whenComplete((ignored, stopped) -> {
            if (stopped != null) {
                failAll(queue, stopped);
            } else {
                resume(queue, generation);
            }
        });
        return false;
    }

    private void scheduleGrant(KeyQueue queue, Waiter waiter, Reservation reservation) {
        Grant grant = new Grant(this, queue.key, waiter.permits, reservation.lease(), reservation.atMillis());
        long now = clockMillis.getAsLong();
        // a pause this JVM knows of but the backend may not (its write failed) holds too
        long grantAt = Math.max(reservation.atMillis(), localPauses.getOrDefault(queue.key, 0L));
        if (grantAt > now) {
            LOG.debug("{}: key {} waits {} ms for {} permit(s)", name, queue.key, grantAt - now, waiter.permits);
        }
        delays.after(grantAt - now).whenComplete((ignored, stopped) -> {
            if (stopped != null) {
                grant.notSent();
                waiter.future.completeExceptionally(stopped);
                return;
            }
            try {
                hand(queue, waiter, grant);
            } catch (RuntimeException e) {
                grant.notSent();
                waiter.future.completeExceptionally(e);
            }
        });
    }

    /** The grant's instant has come: to the waiter, unless a pause announced meanwhile holds it back. */
    private void hand(KeyQueue queue, Waiter waiter, Grant grant) {
        Long pausedUntil = localPauses.get(queue.key);
        if (pausedUntil != null) {
            if (pausedUntil > clockMillis.getAsLong()) {
                // a pause announced after this grant was reserved: give it back, queue again at the front
                grant.notSent();
                requeueFirst(queue, waiter);
                return;
            }
            localPauses.remove(queue.key, pausedUntil);
        }
        try {
            grantListener.granted(queue.key, waiter.permits, clockMillis.getAsLong());
        } catch (RuntimeException e) {
            LOG.warn("{}: the grant listener failed: {}", name, e.toString());
        }
        if (!waiter.future.complete(grant)) {
            grant.notSent(); // the caller gave up waiting
        }
    }

    /** Ends a grant (called by {@link Grant}): its slots free a window later, or at once when it was not sent. */
    void release(Grant grant, boolean sent) {
        CompletableFuture<Void> released;
        try {
            released = backend.release(grant.key(), effectiveLimit, grant.lease(), sent, clockMillis.getAsLong());
        } catch (RuntimeException e) {
            released = CompletableFuture.failedFuture(e);
        }
        released.whenComplete((ignored, failure) -> {
            if (failure != null) {
                // safe: the slot stays held until its bound, which only costs throughput
                Throwable cause = FutureFailures.unwrap(failure);
                LOG.warn("{}: the slot of key {} could not be released ({}); it frees at its bound instead", name,
                        grant.key(), cause.getMessage());
            }
            wake(grant.key());
        });
    }

    /** A slot of {@code key} was released: a queue waiting for one asks again. */
    private void wake(String key) {
        KeyQueue queue = queues.get(key);
        if (queue == null) {
            return;
        }
        CompletableFuture<Void> timer;
        synchronized (queue) {
            queue.wakeups++;
            if (!queue.parked) {
                return;
            }
            queue.parked = false;
            timer = queue.parkTimer;
            queue.parkTimer = null;
        }
        if (timer != null) {
            timer.complete(null); // no longer needed (resume() ignores it now), and no longer tracked by the delays
        }
        runSoon(() -> drain(queue));
    }

    private void resume(KeyQueue queue, long generation) {
        synchronized (queue) {
            if (!queue.parked || queue.parkings != generation) {
                return;
            }
            queue.parked = false;
        }
        drain(queue);
    }

    private void requeueFirst(KeyQueue queue, Waiter waiter) {
        boolean joined;
        boolean start = false;
        synchronized (queue) {
            joined = !queue.removed;
            if (joined) {
                queue.waiting.addFirst(waiter);
                start = !queue.draining;
                queue.draining = true;
            }
        }
        if (!joined) {
            // dropped while this grant was scheduled: a fresh acquire joins the key's current queue
            reacquire(queue.key, waiter);
        } else if (start) {
            runSoon(() -> drain(queue));
        }
    }

    private void reacquire(String key, Waiter waiter) {
        CompletableFuture<Grant> again;
        try {
            again = acquire(key, waiter.permits);
        } catch (RuntimeException e) {
            again = CompletableFuture.failedFuture(e); // the limit shrank below what it asks for
        }
        again.whenComplete((grant, failure) -> {
            if (failure != null) {
                waiter.future.completeExceptionally(failure);
            } else if (!waiter.future.complete(grant)) {
                grant.notSent();
            }
        });
    }

    private void remove(KeyQueue queue, Waiter waiter) {
        synchronized (queue) {
            queue.waiting.remove(waiter);
        }
    }

    private void failAll(KeyQueue queue, Throwable failure) {
        ArrayDeque<Waiter> failed;
        synchronized (queue) {
            failed = new ArrayDeque<>(queue.waiting);
            queue.waiting.clear();
            queue.parked = false;
            queue.draining = false;
            queue.removed = true;
            queues.remove(queue.key, queue);
        }
        failed.forEach(waiter -> waiter.future.completeExceptionally(failure));
    }

    /** Runs on the scheduler, or here when it is shut down (a stop: the task then fails its waiters at once). */
    private void runSoon(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
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
                        FutureFailures.unwrap(failure).getMessage());
            }
        });
    }

    /**
     * Fails every pending acquire with a StoppedException; later acquires fail at once. Grants already handed out
     * can still be ended. Does not close the shared backend.
     */
    @Override
    public void close() {
        closed = true;
        delays.close();
        queues.values().forEach(queue -> failAll(queue, stopped()));
    }

    public String name() {
        return name;
    }

    /** The longest a request can take from its grant until the server has it (see the constructor). */
    public Duration inFlightBound() {
        return Duration.ofMillis(inFlightBoundMillis);
    }

    private StoppedException stopped() {
        return new StoppedException(name + " stopped while a request was waiting for a rate-limit permit; the "
                + "request was not sent");
    }

    /** One acquire waiting in its key's queue. */
    private static final class Waiter {
        final int permits;
        final CompletableFuture<Grant> future = new CompletableFuture<>();

        Waiter(int permits) {
            this.permits = permits;
        }
    }

    /** The acquires of one key waiting in this JVM, oldest first. Guarded by its own monitor. */
    private static final class KeyQueue {
        final String key;
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        /** A reserve is under way, or the queue is parked: nobody else may start one. */
        boolean draining;
        /** Waiting for a slot of this key to be released (or for its timer). */
        boolean parked;
        /** The timer of the current parking, if any. */
        CompletableFuture<Void> parkTimer;
        long parkings;
        /** Releases of this key seen so far: one during a reserve that found every slot held means ask again. */
        long wakeups;
        /** Emptied and dropped from the map: an acquire that still holds it joins a new one. */
        boolean removed;

        KeyQueue(String key) {
            this.key = key;
        }
    }
}
