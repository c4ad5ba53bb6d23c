package io.github.camelsaas.examples.yaml;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.main.MainSupport;
import org.apache.camel.support.RoutePolicySupport;

/**
 * The route policy of {@code load-orders} (bound as {@code stopWhenDone}): when its one exchange is done, the
 * application stops, with exit code 1 if that exchange failed.
 */
final class StopWhenDone extends RoutePolicySupport {

    private final MainSupport main;
    private final AtomicInteger exitCode = new AtomicInteger(-1);

    StopWhenDone(MainSupport main) {
        this.main = main;
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        exitCode.set(exchange.isFailed() ? 1 : 0);
        main.completed();
    }

    /** 0 once the run succeeded, 1 once it failed, -1 while it has not finished. */
    int exitCode() {
        return exitCode.get();
    }
}
