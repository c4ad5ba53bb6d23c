package io.github.camelsaas.common.component;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;

import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.TransportSettings;

/**
 * The component's HTTP transports: the runtime's own for the component's settings, and one more per distinct
 * set of endpoint settings (another timeout, proxy or TLS), started on first use and closed with the pool.
 */
public final class TransportPool implements AutoCloseable {

    private final SaasRuntime runtime;
    private final CamelContext camelContext;
    private final Map<TransportSettings, HttpTransport> transports = new HashMap<>();

    /** @param runtimeSettings the settings the runtime's transport was made with */
    public TransportPool(SaasRuntime runtime, TransportSettings runtimeSettings, CamelContext camelContext) {
        this.runtime = runtime;
        this.camelContext = camelContext;
        transports.put(runtimeSettings, runtime.transport());
    }

    public synchronized HttpTransport transportFor(TransportSettings settings) {
        return transports.computeIfAbsent(settings, s -> {
            HttpTransport transport = new HttpTransport(s.toOptions(camelContext), runtime.secrets());
            transport.start();
            return transport;
        });
    }

    /** Closes the transports made here; the runtime closes its own. */
    @Override
    public synchronized void close() {
        transports.values().stream().filter(t -> t != runtime.transport()).forEach(HttpTransport::close);
        transports.clear();
    }
}
