package io.github.camelsaas.benchmarks.kustomer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.simulator.common.ArrivalSpans;
import io.github.camelsaas.simulator.common.DelayingProxy;

/**
 * A fresh {@link DelayingProxy} in front of the simulator for every run, holding each call for a delay uniform in
 * [0, max] ms. The seed is the run's index within the variant, warm-ups included (0 is the first run), so that 2c
 * and 2d meet the same seeds round by round and any run can be replayed. No extra delay for a connection's first
 * request: a cold handshake is a different question from the one these variants ask (does a limit hold on the
 * server's clock when the time between permit and arrival varies).
 */
final class JitteredNetwork implements KustomerNetwork {

    private final KustomerTarget kustomer;
    private final int maxDelayMillis;
    private int runs;

    JitteredNetwork(KustomerTarget kustomer, int maxDelayMillis) {
        this.kustomer = kustomer;
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public Link open() {
        long seed = runs++;
        DelayingProxy proxy = DelayingProxy.builder(kustomer.baseUrl())
                .seed(seed)
                .delayMillis(0, maxDelayMillis)
                .firstRequestOnConnectionDelayMillis(0)
                .start();
        return new ProxiedLink(proxy, seed);
    }

    private final class ProxiedLink implements Link {

        private final DelayingProxy proxy;
        private final long seed;

        ProxiedLink(DelayingProxy proxy, long seed) {
            this.proxy = proxy;
            this.seed = seed;
        }

        @Override
        public String baseUrl() {
            return proxy.baseUrl();
        }

        /**
         * The seed, and what the proxy saw leave for the simulator: every call (429s and retries included), and the
         * most of them in any window, the number the org limit is about, on the arrival clock.
         */
        @Override
        public Map<String, Double> runFacts() {
            KustomerLimits limits = kustomer.limits();
            List<Long> arrivals = proxy.arrivals().stream().map(DelayingProxy.Arrival::atMillis).toList();
            long window = limits.window().toMillis();
            Map<String, Double> facts = new LinkedHashMap<>();
            facts.put("jitter_seed", (double) seed);
            facts.put("jitter_max_ms", (double) maxDelayMillis);
            facts.put("calls_through_proxy", (double) arrivals.size());
            facts.put("max_calls_in_any_window", (double) ArrivalSpans.maxInAnySpan(arrivals, window));
            facts.put("spans_over_org_limit", (double) ArrivalSpans.overLimitSpans(arrivals, limits.org(), window));
            return facts;
        }

        @Override
        public void close() {
            proxy.close();
        }
    }
}
