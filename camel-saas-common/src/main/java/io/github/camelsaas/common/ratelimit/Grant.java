package io.github.camelsaas.common.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Permits a {@link RateLimiter} granted to one request, held until the request is over. The holder must end it
 * exactly once: {@link #completed()} when the request was handed to the network and its answer (or failure) is in,
 * so its slots free a window later; {@link #notSent()} when it never left, so its slots are given back. Ending it
 * twice is harmless (the first call counts).
 */
public final class Grant {

    private final RateLimiter limiter;
    private final String key;
    private final int permits;
    private final String lease;
    private final long grantedAtMillis;
    private final AtomicBoolean ended = new AtomicBoolean();

    Grant(RateLimiter limiter, String key, int permits, String lease, long grantedAtMillis) {
        this.limiter = limiter;
        this.key = key;
        this.permits = permits;
        this.lease = lease;
        this.grantedAtMillis = grantedAtMillis;
    }

    /** The request was sent and is over: answered, failed or timed out. */
    public void completed() {
        end(true);
    }

    /** The request was never sent: the slots are given back as they were. */
    public void notSent() {
        end(false);
    }

    private void end(boolean sent) {
        if (ended.compareAndSet(false, true)) {
            limiter.release(this, sent);
        }
    }

    public RateLimiter limiter() {
        return limiter;
    }

    public String key() {
        return key;
    }

    public int permits() {
        return permits;
    }

    String lease() {
        return lease;
    }

    /** When the permits were granted, epoch ms. */
    public long grantedAtMillis() {
        return grantedAtMillis;
    }

    /**
     * Whether the request can still be sent under this grant at {@code nowMillis}: within half the limiter's
     * in-flight bound of the grant. The slot is held for the whole bound (then it frees, its holder presumed dead),
     * and a request sent may take the other half, its connect and response timeouts, to reach the server. A
     * request that waited longer after its grant (a pause of another of its keys, a long concurrency queue) must
     * give it back and be granted anew.
     */
    public boolean sendableAt(long nowMillis) {
        return nowMillis - grantedAtMillis <= limiter.inFlightBound().toMillis() / 2;
    }

    @Override
    public String toString() {
        return limiter.name() + "[" + key + "]" + (permits == 1 ? "" : " x" + permits);
    }
}
