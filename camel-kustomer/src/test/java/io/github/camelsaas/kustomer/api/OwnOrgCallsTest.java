package io.github.camelsaas.kustomer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** This JVM's own org calls: what counts as ours in a window, and by when the oldest counted one surely arrived. */
class OwnOrgCallsTest {

    @Test
    void mayBeCountedAreTheCallsAnsweredSinceAnInstantAndThoseInFlightAndForgetsBeyondTheLimit() {
        OwnOrgCalls calls = new OwnOrgCalls(3);
        calls.granted(1);
        calls.granted(1);
        calls.granted(1);
        calls.granted(2); // a call counted twice
        calls.answered(100, true);
        calls.answered(200, true);
        calls.answered(300, false); // a 429: the server did not count it
        calls.answered(310, true);

        assertThat(calls.mayBeCountedSince(150)).isEqualTo(2 + 1); // 200 and 310 answered, one still in flight
        assertThat(calls.mayBeCountedSince(311)).isEqualTo(1);
        calls.answered(400, true);
        calls.answered(500, true);
        // at most 3 answers remembered: 100 and 200 are forgotten
        assertThat(calls.mayBeCountedSince(0)).isEqualTo(3);
    }

    @Test
    void theOldestCountedArrivedByTheEarliestAnswerOfThoseSurelyAnswered() {
        OwnOrgCalls calls = new OwnOrgCalls(10);
        calls.granted(1);
        calls.granted(1);
        calls.granted(1);
        calls.answered(50, true);
        calls.answered(60, true);
        calls.answered(70, true);
        // all 3 counted requests answered: the oldest arrived by the earliest answer
        assertThat(calls.oldestCountedArrivedBy(3)).hasValue(50);

        calls.granted(1);
        calls.granted(1);
        calls.answered(90, true);
        // 3 counted, one still unanswered: only 2 of them surely answered, so the 2nd latest answer bounds it
        assertThat(calls.oldestCountedArrivedBy(3)).hasValue(70);
    }

    @Test
    void a429IsNoArrivalTheServerCountedAndTooFewAnswersSayNothing() {
        OwnOrgCalls calls = new OwnOrgCalls(10);
        calls.granted(1);
        calls.granted(1);
        calls.answered(40, true);
        calls.answered(50, false);

        assertThat(calls.oldestCountedArrivedBy(1)).hasValue(40);
        assertThat(calls.oldestCountedArrivedBy(2)).isEmpty();
    }
}
