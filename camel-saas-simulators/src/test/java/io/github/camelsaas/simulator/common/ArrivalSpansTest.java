package io.github.camelsaas.simulator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArrivalSpansTest {

    @Test
    void instantsExactlyAWindowApartAreNotInOneSpan() {
        List<Long> instants = List.of(1_000L, 2_000L, 3_000L);
        assertThat(ArrivalSpans.maxInAnySpan(instants, 1_000)).isEqualTo(1);
        assertThat(ArrivalSpans.overLimitSpans(instants, 1, 1_000)).isZero();
        // one millisecond less apart and they share a span
        assertThat(ArrivalSpans.maxInAnySpan(List.of(1_000L, 1_999L, 2_998L), 1_000)).isEqualTo(2);
        assertThat(ArrivalSpans.overLimitSpans(List.of(1_000L, 1_999L, 2_998L), 1, 1_000)).isEqualTo(2);
    }

    @Test
    void orderOfTheInputDoesNotMatter() {
        List<Long> unsorted = List.of(1_500L, 100L, 900L, 1_099L, 0L, 1_100L);
        // [100, 1100) holds 100, 900, 1099; [0, 1000) holds 0, 100, 900; [900, 1900) holds 900, 1099, 1100, 1500
        assertThat(ArrivalSpans.maxInAnySpan(unsorted, 1_000)).isEqualTo(4);
        assertThat(ArrivalSpans.overLimitSpans(unsorted, 3, 1_000)).isEqualTo(1);
        assertThat(ArrivalSpans.maxInAnySpan(unsorted, 1_000))
                .isEqualTo(ArrivalSpans.maxInAnySpan(List.of(0L, 100L, 900L, 1_099L, 1_100L, 1_500L), 1_000));
    }

    @Test
    void noArrivalsNeverBreakALimit() {
        assertThat(ArrivalSpans.maxInAnySpan(List.of(), 1_000)).isZero();
        assertThat(ArrivalSpans.overLimitSpans(List.of(), 0, 1_000)).isZero();
        assertThat(ArrivalSpans.describe(List.of(), 5, 1_000)).contains("no arrivals");
    }

    @Test
    void equalInstantsAllCountInTheSpanTheyStart() {
        List<Long> instants = List.of(500L, 500L, 500L, 1_499L, 1_500L);
        assertThat(ArrivalSpans.maxInAnySpan(instants, 1_000)).isEqualTo(4);
        // the three at 500 start the same span of 4; 1499 starts [1499, 2499) with 2
        assertThat(ArrivalSpans.overLimitSpans(instants, 3, 1_000)).isEqualTo(3);
    }

    @Test
    void aBrokenLimitIsCountedAndDescribedRelativeToTheFirstArrival() {
        List<Long> instants = List.of(10_000L, 10_400L, 10_410L, 10_420L, 10_999L, 12_000L);
        assertThat(ArrivalSpans.maxInAnySpan(instants, 1_000)).isEqualTo(5);
        // 10000 starts a span of 5, 10400 one of 4 (10400..10999), 10410 one of 3: over a limit of 3 are the first two
        assertThat(ArrivalSpans.overLimitSpans(instants, 3, 1_000)).isEqualTo(2);
        assertThat(ArrivalSpans.describe(instants, 3, 1_000))
                .contains("max 5 in any 1000 ms span (limit 3)")
                .contains("2 spans over the limit")
                .contains("the first starts at +0 ms: [+0, +400, +410, +420, +999]")
                .contains("6 instants over 2000 ms");
    }

    @Test
    void aKeptLimitIsSaidToHold() {
        List<Long> instants = List.of(0L, 1_000L, 2_000L);
        assertThat(ArrivalSpans.overLimitSpans(instants, 1, 1_000)).isZero();
        assertThat(ArrivalSpans.describe(instants, 1, 1_000)).contains("max 1").contains("the limit holds");
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> ArrivalSpans.maxInAnySpan(List.of(1L), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArrivalSpans.describe(List.of(), 1, -5)).isInstanceOf(IllegalArgumentException.class);
    }
}
