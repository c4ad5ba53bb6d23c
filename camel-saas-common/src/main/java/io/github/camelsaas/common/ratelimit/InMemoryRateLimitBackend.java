package io.github.camelsaas.common.ratelimit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The slots of every key in this JVM (see {@link RateLimitBackend} for the model). Per key, the free slots are kept
 * in order of the instant they free up and the held ones in order of their lease's bound, so a reserve costs
 * O(permits · log N). Keys idle for longer than their window are dropped so per-customer keys do not pile up.
 * {@code RedisRateLimitBackend}'s scripts compute exactly the same slots.
 */
public final class InMemoryRateLimitBackend implements RateLimitBackend {

    private static final int SWEEP_EVERY = 4096;

    private final ConcurrentHashMap<String, KeySlots> states = new ConcurrentHashMap<>();
    private final AtomicLong operations = new AtomicLong();
    /** Leases are numbered across every key, so a late release can never match a lease of a key made anew. */
    private final AtomicLong leases = new AtomicLong();

    @Override
    public CompletableFuture<Reservation> reserve(String key, RateLimit limit, int permits, long leaseMillis,
                                                  long nowMillis) {
        if (permits < 1 || permits > limit.permits()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot reserve " + permits
                    + " permits at once under a limit of " + limit));
        }
        Reservation reservation;
        while (true) {
            KeySlots state = states.computeIfAbsent(key, k -> new KeySlots());
            synchronized (state) {
                if (!state.dropped) {
                    reservation = state.reserve(limit, permits, leaseMillis, nowMillis, leases);
                    break;
                }
            }
            // swept as idle between the lookup and the lock: use the key's new state
        }
        if (operations.incrementAndGet() % SWEEP_EVERY == 0) {
            sweepIdle(nowMillis);
        }
        return CompletableFuture.completedFuture(reservation);
    }

    @Override
    public CompletableFuture<Void> release(String key, RateLimit limit, String lease, boolean sent, long nowMillis) {
        KeySlots state = states.get(key);
        if (state != null) {
            synchronized (state) {
                state.release(limit, Lease.parse(lease), sent, nowMillis);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> pause(String key, long untilMillis) {
        while (true) {
            KeySlots state = states.computeIfAbsent(key, k -> new KeySlots());
            synchronized (state) {
                if (!state.dropped) {
                    state.pausedUntil = Math.max(state.pausedUntil, untilMillis);
                    return CompletableFuture.completedFuture(null);
                }
            }
        }
    }

    @Override
    public CompletableFuture<Long> pausedUntil(String key, long nowMillis) {
        KeySlots state = states.get(key);
        if (state == null) {
            return CompletableFuture.completedFuture(0L);
        }
        synchronized (state) {
            return CompletableFuture.completedFuture(state.pausedUntil);
        }
    }

    /** Keys currently remembered (for tests of the idle sweep). */
    int keyCount() {
        return states.size();
    }

    void sweepIdle(long nowMillis) {
        states.entrySet().removeIf(entry -> {
            KeySlots state = entry.getValue();
            synchronized (state) {
                // marked under its lock: a caller that looked it up before the removal sees it and looks again
                state.dropped = state.idleSince(nowMillis);
                return state.dropped;
            }
        });
    }

    /** A lease as the backend writes it: its sequence number and the ids of its slots, "7:3,4". */
    record Lease(long sequence, long[] slotIds) {

        static String format(long sequence, List<Slot> slots) {
            StringBuilder text = new StringBuilder().append(sequence).append(':');
            for (int i = 0; i < slots.size(); i++) {
                text.append(i == 0 ? "" : ",").append(slots.get(i).id);
            }
            return text.toString();
        }

        static Lease parse(String lease) {
            int colon = lease.indexOf(':');
            String[] ids = lease.substring(colon + 1).split(",");
            long[] slotIds = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                slotIds[i] = Long.parseLong(ids[i]);
            }
            return new Lease(Long.parseLong(lease.substring(0, colon)), slotIds);
        }
    }

    /** One slot: free from {@code freeAt}, or held by the lease {@code lease} until released or {@code expiresAt}. */
    static final class Slot {
        final long id;
        long freeAt;
        long lease;
        long expiresAt;
        long freeAtBeforeLease;

        Slot(long id) {
            this.id = id;
        }
    }

    /** The slots of one key. Guarded by its own monitor. */
    private static final class KeySlots {
        private static final Comparator<Slot> BY_FREE_AT =
                Comparator.<Slot>comparingLong(slot -> slot.freeAt).thenComparingLong(slot -> slot.id);
        private static final Comparator<Slot> BY_EXPIRY =
                Comparator.<Slot>comparingLong(slot -> slot.expiresAt).thenComparingLong(slot -> slot.id);

        private final TreeSet<Slot> free = new TreeSet<>(BY_FREE_AT);
        private final TreeSet<Slot> held = new TreeSet<>(BY_EXPIRY);
        private final Map<Long, Slot> byId = new HashMap<>();
        private long lastSlotId;
        private long windowMillis;
        private long pausedUntil;
        /** Removed from the map as idle; nothing may be written to it any more. */
        private boolean dropped;

        Reservation reserve(RateLimit limit, int count, long leaseMillis, long nowMillis, AtomicLong leases) {
            windowMillis = limit.window().toMillis();
            forgetWhatNoLongerMatters(nowMillis);
            shrinkTo(limit.permits());
            int unused = Math.max(0, limit.permits() - free.size() - held.size());
            if (unused + free.size() < count) {
                // the others are in flight: each frees a window after it completes, so not before now + window
                long askAgain = nowMillis + windowMillis;
                if (!held.isEmpty()) {
                    askAgain = Math.min(askAgain, held.first().expiresAt);
                }
                return Reservation.full(askAgain);
            }
            List<Slot> taken = new ArrayList<>(count);
            long grantAt = Math.max(nowMillis, pausedUntil);
            for (int i = 0; i < count; i++) {
                Slot slot;
                if (i < unused) {
                    slot = new Slot(++lastSlotId); // free since ever
                    byId.put(slot.id, slot);
                } else {
                    slot = free.pollFirst();
                    grantAt = Math.max(grantAt, slot.freeAt);
                }
                taken.add(slot);
            }
            long lease = leases.incrementAndGet();
            for (Slot slot : taken) {
                slot.freeAtBeforeLease = slot.freeAt;
                slot.lease = lease;
                slot.expiresAt = grantAt + leaseMillis + windowMillis;
                held.add(slot);
            }
            return Reservation.granted(grantAt, Lease.format(lease, taken));
        }

        void release(RateLimit limit, Lease lease, boolean sent, long nowMillis) {
            windowMillis = limit.window().toMillis();
            for (long id : lease.slotIds()) {
                Slot slot = byId.get(id);
                if (slot == null || slot.lease != lease.sequence()) {
                    continue; // freed by its bound already (and maybe taken again), or released twice
                }
                held.remove(slot);
                slot.lease = 0;
                slot.freeAt = sent ? nowMillis + windowMillis : slot.freeAtBeforeLease;
                free.add(slot);
            }
            shrinkTo(limit.permits());
        }

        /**
         * Only slots that matter are kept: held ones, and free ones that free in the future. A slot free by now is
         * like one never used (a limit of 100,000 per window costs nothing until it is used); a lease past its bound
         * (its holder never came back: it cannot in this JVM unless a caller forgot it) is free since its bound.
         */
        private void forgetWhatNoLongerMatters(long nowMillis) {
            while (!held.isEmpty() && held.first().expiresAt <= nowMillis) {
                byId.remove(held.pollFirst().id);
            }
            while (!free.isEmpty() && free.first().freeAt <= nowMillis) {
                byId.remove(free.pollFirst().id);
            }
        }

        /**
         * A limit that shrank (adaptive limits do that) drops the free slots that free soonest, so the most recent
         * requests still count; held slots are never dropped while held.
         */
        private void shrinkTo(int permits) {
            while (free.size() + held.size() > permits && !free.isEmpty()) {
                byId.remove(free.pollFirst().id);
            }
        }

        boolean idleSince(long nowMillis) {
            return pausedUntil <= nowMillis && held.isEmpty() && (free.isEmpty() || free.last().freeAt <= nowMillis);
        }
    }
}
