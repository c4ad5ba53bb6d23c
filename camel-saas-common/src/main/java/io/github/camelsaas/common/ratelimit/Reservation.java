package io.github.camelsaas.common.ratelimit;

/**
 * A backend's answer to a reserve: either slots were taken, for a grant at {@link #atMillis()} under the lease
 * {@link #lease()} (given back with {@link RateLimitBackend#release}), or every slot the request needs is held by a
 * request still in flight, and nothing was taken: ask again by {@link #atMillis()} at the latest (a slot held by a
 * request in flight frees a window after that request completes, so no earlier answer could be a grant).
 *
 * @param granted  whether slots were taken
 * @param atMillis the grant time (epoch ms, the caller's clock) when granted; otherwise when to ask again
 * @param lease    names the slots taken, for their release; null when not granted
 */
public record Reservation(boolean granted, long atMillis, String lease) {

    public static Reservation granted(long atMillis, String lease) {
        return new Reservation(true, atMillis, lease);
    }

    public static Reservation full(long askAgainAtMillis) {
        return new Reservation(false, askAgainAtMillis, null);
    }
}
