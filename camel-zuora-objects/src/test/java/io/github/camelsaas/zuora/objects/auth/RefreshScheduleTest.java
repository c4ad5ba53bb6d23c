package io.github.camelsaas.zuora.objects.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefreshScheduleTest {

    private static final long MINUTE = 60_000;

    @Test
    void aLongLivedTokenIsUsedUntilTheMarginBeforeExpiry() {
        assertThat(RefreshSchedule.useForMillis(60 * MINUTE, 5 * MINUTE)).isEqualTo(55 * MINUTE);
        assertThat(RefreshSchedule.useForMillis(10 * MINUTE, 5 * MINUTE)).isEqualTo(5 * MINUTE);
    }

    @Test
    void aTokenShorterThanTwiceTheMarginIsUsedForHalfItsLife() {
        assertThat(RefreshSchedule.useForMillis(9 * MINUTE, 5 * MINUTE)).isEqualTo(9 * MINUTE / 2);
        assertThat(RefreshSchedule.useForMillis(2_000, 5 * MINUTE)).isEqualTo(1_000);
    }

    @Test
    void anExpiredOrZeroMarginTokenIsHandledSensibly() {
        assertThat(RefreshSchedule.useForMillis(0, 5 * MINUTE)).isZero();
        assertThat(RefreshSchedule.useForMillis(60 * MINUTE, 0)).isEqualTo(60 * MINUTE);
    }
}
