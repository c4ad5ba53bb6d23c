package io.github.camelsaas.common.http;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;


/**
 * The options that shape an HTTP transport. Endpoints with equal settings share one transport (one connection
 * pool); TLS parameters compare by identity, as Camel hands out the same bean to every endpoint that names it.
 */
public record TransportSettings(long connectTimeout, long responseTimeout, String proxyProtocol, String proxyHost,
                                Integer proxyPort, SSLContextParameters sslContextParameters,
                                boolean compressRequests, int maxConnections, String userAgent) {

    /**
     * The settings of an endpoint's options, the same on both components.
     *
     * @param proxyHost             null or blank for no proxy
     * @param maxConcurrentRequests the account's cap on calls in flight: the pool never stands between a call and its
     *                              slot under that cap
     */
    public static TransportSettings of(long connectTimeout, long responseTimeout, String proxyProtocol,
                                       String proxyHost, Integer proxyPort, SSLContextParameters sslContextParameters,
                                       boolean compressRequests, int maxConcurrentRequests, String userAgent) {
        boolean proxy = proxyHost != null && !proxyHost.isBlank();
        return new TransportSettings(connectTimeout, responseTimeout, proxy ? proxyProtocol : null,
                proxy ? proxyHost.strip() : null, proxy ? proxyPort : null, sslContextParameters, compressRequests,
                Math.max(HttpTransportOptions.DEFAULT_MAX_CONNECTIONS, maxConcurrentRequests), userAgent);
    }

    /**
     * Refuses proxy options that cannot work: a protocol other than http or https, a host without a port or a
     * port without a host, a port out of range.
     */
    public static void checkProxy(String proxyProtocol, String proxyHost, Integer proxyPort) {
        if (!"http".equals(proxyProtocol) && !"https".equals(proxyProtocol)) {
            throw new IllegalArgumentException("Invalid proxyProtocol '" + proxyProtocol + "': use http or https");
        }
        boolean host = proxyHost != null && !proxyHost.isBlank();
        if (host && proxyPort == null) {
            throw new IllegalArgumentException("Option proxyPort is missing: proxyHost needs a port");
        }
        if (!host && proxyPort != null) {
            throw new IllegalArgumentException("Option proxyHost is missing: proxyPort needs a host");
        }
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new IllegalArgumentException("Invalid proxyPort " + proxyPort + ": use 1 to 65535");
        }
    }

    /** The same settings with these TLS parameters (the CamelContext's global ones). */
    public TransportSettings withSslContextParameters(SSLContextParameters tls) {
        return new TransportSettings(connectTimeout, responseTimeout, proxyProtocol, proxyHost, proxyPort, tls,
                compressRequests, maxConnections, userAgent);
    }

    public HttpTransportOptions toOptions(CamelContext camelContext) {
        HttpTransportOptions.Builder options = HttpTransportOptions.builder()
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .responseTimeout(Duration.ofMillis(responseTimeout))
                .compressRequests(compressRequests)
                .maxConnections(maxConnections)
                .userAgent(userAgent);
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
               + ", customTls=" + (sslContextParameters != null) + ", compressRequests=" + compressRequests
               + ", maxConnections=" + maxConnections + ", userAgent=" + userAgent + "]";
    }
}
