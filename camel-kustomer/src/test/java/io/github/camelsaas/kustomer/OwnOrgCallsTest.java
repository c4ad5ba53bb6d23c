package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** This JVM's own org calls: what counts as ours in a window, and by when the oldest counted one surely arrived. */
class OwnOrgCallsTest {

    @Test
    void countsGrantsSinceAnInstantAndForgetsBeyondTheLimit() {
        OwnOrgCalls calls = new OwnOrgCalls(3);
        calls.granted(1, 100);
        calls.granted(1, 200);
        calls.granted(2, 300); // a call counted twice: both at one instant

        assertThat(calls.grantedSince(200)).isEqualTo(3); // 200 was pushed out: at most 3 remembered
        assertThat(calls.grantedSince(250)).isEqualTo(2);
        assertThat(calls.grantedSince(301)).isZero();
    }

    @Test
    void theOldestCountedArrivedByTheEarliestAnswerOfThoseSurelyAnswered() {
        OwnOrgCalls calls = new OwnOrgCalls(10);
        calls.granted(1, 0);
        calls.granted(1, 0);
        calls.granted(1, 0);
        calls.answered(50, true);
        calls.answered(60, true);
        calls.answered(70, true);
        // all 3 counted requests answered: the oldest arrived by the earliest answer
        assertThat(calls.oldestCountedArrivedBy(3)).hasValue(50);

        calls.granted(1, 80);
        calls.granted(1, 80);
        calls.answered(90, true);
        // 3 counted, one still unanswered: only 2 of them surely answered, so the 2nd latest answer bounds it
        assertThat(calls.oldestCountedArrivedBy(3)).hasValue(70);
    }

    @Test
    void a429IsNoArrivalTheServerCountedAndTooFewAnswersSayNothing() {
        OwnOrgCalls calls = new OwnOrgCalls(10);
        calls.granted(1, 0);
        calls.granted(1, 0);
        calls.answered(40, true);
        calls.answered(50, false);

        assertThat(calls.oldestCountedArrivedBy(1)).hasValue(40);
        assertThat(calls.oldestCountedArrivedBy(2)).isEmpty();
    }
}
