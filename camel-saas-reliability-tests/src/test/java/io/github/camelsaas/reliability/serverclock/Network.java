package io.github.camelsaas.reliability.serverclock;

import io.github.camelsaas.simulator.common.DelayingProxy;

/**
 * How the path to the server behaves: each request delayed by a seeded 0 to {@code maxDelayMillis}, and the first
 * request of each new connection by {@code coldConnectionMillis} more (a cold TLS handshake).
 */
record Network(int maxDelayMillis, int coldConnectionMillis) {

    static final Network JITTER = new Network(400, 0);
    static final Network COLD_FIRST_CONNECTION = new Network(400, 500);

    DelayingProxy proxyTo(int port, long seed) {
        return DelayingProxy.builder("http://127.0.0.1:" + port)
                .seed(seed)
                .delayMillis(0, maxDelayMillis)
                .firstRequestOnConnectionDelayMillis(coldConnectionMillis)
                .start();
    }
}
