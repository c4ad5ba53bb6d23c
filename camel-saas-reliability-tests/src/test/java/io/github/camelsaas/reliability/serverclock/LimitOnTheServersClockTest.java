package io.github.camelsaas.reliability.serverclock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The limits hold on the server's clock whatever the latency: every request goes through a proxy that delays it by
 * a seeded random 0-400 ms (in one case the first request of each connection 500 ms more, like a cold handshake),
 * and the limit is judged on the instants the server counted the requests, never on the client's grants. 20 seeded
 * runs of each limit, at 1 s windows, each from a fresh CamelContext; the same runs without the client limit break
 * the limit, so these tests can fail.
 */
class LimitOnTheServersClockTest {

    private static final int RUNS = 20;
    private static final int LANES = 10;

    @Test
    void kustomerCustomerCreatesNeverExceedTheLimitOnTheServersClock() throws Exception {
        assertEveryRunHeld(Runs.seeds(1, RUNS, LANES,
                seed -> KustomerRuns.customerCreates(seed, Network.JITTER, true)), 21);
    }

    @Test
    void kustomerOrgCallsOfTwoEndpointsNeverExceedTheLimitOnTheServersClock() throws Exception {
        assertEveryRunHeld(Runs.seeds(1, RUNS, LANES, seed -> KustomerRuns.orgCalls(seed, Network.JITTER, true)),
                40);
    }

    @Test
    void zuoraTenantCallsNeverExceedTheLimitOnTheServersClock() throws Exception {
        assertEveryRunHeld(Runs.seeds(1, RUNS, LANES, seed -> ZuoraRuns.tenantCalls(seed, Network.JITTER, true)),
                21);
    }

    @Test
    void aColdFirstConnectionBreaksNoLimit() throws Exception {
        assertEveryRunHeld(Runs.seeds(101, 2, 2,
                seed -> KustomerRuns.customerCreates(seed, Network.COLD_FIRST_CONNECTION, true)), 21);
        assertEveryRunHeld(Runs.seeds(101, 2, 2,
                seed -> KustomerRuns.orgCalls(seed, Network.COLD_FIRST_CONNECTION, true)), 40);
        assertEveryRunHeld(Runs.seeds(101, 2, 2,
                seed -> ZuoraRuns.tenantCalls(seed, Network.COLD_FIRST_CONNECTION, true)), 21);
    }

    /** The control: the very same runs with the client limit off meet 429s or over-limit spans. */
    @Test
    void withoutTheClientLimitTheSameRunsBreakTheLimit() throws Exception {
        List<LimitRun> runs = List.of(
                KustomerRuns.customerCreates(1, Network.JITTER, false),
                KustomerRuns.orgCalls(1, Network.JITTER, false),
                ZuoraRuns.tenantCalls(1, Network.JITTER, false));
        runs.forEach(run -> System.out.println("without the client limit, " + run));
        assertThat(runs).allMatch(LimitRun::brokeTheLimit);
    }

    private static void assertEveryRunHeld(List<LimitRun> runs, int requestsPerRun) {
        runs.forEach(run -> System.out.println(run));
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.overLimitSpans()).as("over-limit spans, %s", run).isZero();
            assertThat(run.tooManyRequests()).as("429s, %s", run).isZero();
            assertThat(run.failedExchanges()).as("failed exchanges, %s", run).isZero();
            assertThat(run.arrivals()).as("requests counted, %s", run).hasSizeGreaterThanOrEqualTo(requestsPerRun);
        });
        // how close the runs came to the limit depends on the delays drawn and on the machine's load, so it is
        // reported, not asserted; that the same runs break the limit without the client's is the control below
        System.out.println("busiest 1 s spans: " + runs.stream().map(LimitRun::maxInAnySpan).toList());
    }
}
