package io.github.camelsaas.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Checks the one guarantee: no span of length W holds more than N grant times. */
public final class SlidingWindowAssert {

    private SlidingWindowAssert() {
    }

    /** With the grants sorted, every N+1 consecutive grants must stretch over at least W. */
    public static void assertAtMostNInAnySpan(List<Long> grantTimes, int permits, long windowMillis) {
        List<Long> sorted = new ArrayList<>(grantTimes);
        Collections.sort(sorted);
        for (int i = permits; i < sorted.size(); i++) {
            long span = sorted.get(i) - sorted.get(i - permits);
            assertThat(span)
                    .as("grants #%d and #%d are %d ms apart: %d grants in a span shorter than %d ms",
                            i - permits, i, span, permits + 1, windowMillis)
                    .isGreaterThanOrEqualTo(windowMillis);
        }
    }
}
