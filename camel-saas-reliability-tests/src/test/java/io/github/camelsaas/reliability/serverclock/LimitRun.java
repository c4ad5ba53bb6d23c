package io.github.camelsaas.reliability.serverclock;

import java.util.List;

import io.github.camelsaas.simulator.common.ArrivalSpans;

/**
 * What one seeded run left on the server's side: the instants the server counted the limited requests at, the 429s
 * it sent, and whether every exchange completed without a failure.
 *
 * @param seed            the delaying proxy's seed
 * @param limit           requests allowed in any span of {@code windowMillis}
 * @param arrivals        when the server counted each limited request, epoch ms
 * @param tooManyRequests 429s the server sent
 * @param failedExchanges exchanges that ended with an exception
 */
record LimitRun(long seed, int limit, long windowMillis, List<Long> arrivals, long tooManyRequests,
                int failedExchanges) {

    int maxInAnySpan() {
        return ArrivalSpans.maxInAnySpan(arrivals, windowMillis);
    }

    int overLimitSpans() {
        return ArrivalSpans.overLimitSpans(arrivals, limit, windowMillis);
    }

    boolean brokeTheLimit() {
        return overLimitSpans() > 0 || tooManyRequests > 0;
    }

    @Override
    public String toString() {
        return "seed " + seed + ": " + arrivals.size() + " counted, " + tooManyRequests + " x 429, "
                + failedExchanges + " failed; " + ArrivalSpans.describe(arrivals, limit, windowMillis);
    }
}
