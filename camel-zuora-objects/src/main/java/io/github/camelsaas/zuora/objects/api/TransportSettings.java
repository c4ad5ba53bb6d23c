package io.github.camelsaas.zuora.objects.api;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.github.camelsaas.common.http.HttpTransportOptions;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;

/**
 * The options that shape an HTTP transport. Endpoints with equal settings share one transport (one connection
 * pool); TLS parameters compare by identity, as Camel hands out the same bean to every endpoint that names it.
 */
public record TransportSettings(long connectTimeout, long responseTimeout, String proxyProtocol, String proxyHost,
                                Integer proxyPort, SSLContextParameters sslContextParameters,
                                boolean compressRequests, int maxConnections) {

    public static TransportSettings of(ZuoraObjectsConfiguration configuration) {
        boolean proxy = configuration.getProxyHost() != null && !configuration.getProxyHost().isBlank();
        return new TransportSettings(configuration.getConnectTimeout(), configuration.getResponseTimeout(),
                proxy ? configuration.getProxyProtocol() : null, proxy ? configuration.getProxyHost().strip() : null,
                proxy ? configuration.getProxyPort() : null, configuration.getSslContextParameters(),
                configuration.isCompressRequests(),
                // the pool never stands between a call and its slot under the concurrency cap
                Math.max(HttpTransportOptions.DEFAULT_MAX_CONNECTIONS, configuration.getMaxConcurrentRequests()));
    }

    /** The same settings with these TLS parameters (the CamelContext's global ones). */
    public TransportSettings withSslContextParameters(SSLContextParameters tls) {
        return new TransportSettings(connectTimeout, responseTimeout, proxyProtocol, proxyHost, proxyPort, tls,
                compressRequests, maxConnections);
    }

    public HttpTransportOptions toOptions(CamelContext camelContext) {
        HttpTransportOptions.Builder options = HttpTransportOptions.builder()
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .responseTimeout(Duration.ofMillis(responseTimeout))
                .compressRequests(compressRequests)
                .maxConnections(maxConnections)
                .userAgent("camel-zuora-objects");
        if (proxyHost != null) {
            options.proxy(proxyProtocol, proxyHost, proxyPort);
        }
        if (sslContextParameters != null) {
            options.sslContextParameters(sslContextParameters, camelContext);
        }
        return options.build();
    }

    @Override
    public String toString() {
        // TLS parameters hold keystore passwords: say only whether they are set
        return "TransportSettings[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
               + ", proxy=" + (proxyHost == null ? "none" : proxyProtocol + "://" + proxyHost + ":" + proxyPort)
               + ", customTls=" + (sslContextParameters != null) + ", compressRequests=" + compressRequests + "]";
    }
}
