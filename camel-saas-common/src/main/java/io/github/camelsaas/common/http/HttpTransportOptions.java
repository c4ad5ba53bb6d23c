package io.github.camelsaas.common.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * How an {@link HttpTransport} connects: timeouts, pool size, proxy, TLS, request compression and user agent.
 * Immutable; build with {@link #builder()}.
 */
public final class HttpTransportOptions {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONNECTIONS = 50;
    public static final int DEFAULT_GZIP_THRESHOLD_BYTES = 1024;
    public static final String DEFAULT_USER_AGENT = "camel-saas-connectors";

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnectionsTotal;
    private final int maxConnectionsPerRoute;
    private final Proxy proxy;
    private final SSLContextParameters sslContextParameters;
    private final CamelContext camelContext;
    private final boolean compressRequests;
    private final int gzipThresholdBytes;
    private final String userAgent;

    private HttpTransportOptions(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.responseTimeout = builder.responseTimeout;
        this.maxConnectionsTotal = builder.maxConnectionsTotal;
        this.maxConnectionsPerRoute = builder.maxConnectionsPerRoute;
        this.proxy = builder.proxy;
        this.sslContextParameters = builder.sslContextParameters;
        this.camelContext = builder.camelContext;
        this.compressRequests = builder.compressRequests;
        this.gzipThresholdBytes = builder.gzipThresholdBytes;
        this.userAgent = builder.userAgent;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All defaults. */
    public static HttpTransportOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.connectTimeout = connectTimeout;
        builder.responseTimeout = responseTimeout;
        builder.maxConnectionsTotal = maxConnectionsTotal;
        builder.maxConnectionsPerRoute = maxConnectionsPerRoute;
        builder.proxy = proxy;
        builder.sslContextParameters = sslContextParameters;
        builder.camelContext = camelContext;
        builder.compressRequests = compressRequests;
        builder.gzipThresholdBytes = gzipThresholdBytes;
        builder.userAgent = userAgent;
        return builder;
    }

    /** Time allowed to establish a connection (TCP and TLS). Default 10 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time allowed between sending a request and the response arriving, or between two reads. Default 60 s. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /**
     * The longest a request sent through this transport can take from the moment it is handed over until the
     * server has it: the connect timeout, plus the response timeout (which also bounds a stalled write), plus the
     * same again for the wait for a pooled connection. A rate limiter frees the slot of a request whose end it never
     * heard of (a replica that died mid-request) that long after the grant, plus its window.
     */
    public Duration inFlightBound() {
        return connectTimeout.plus(responseTimeout).multipliedBy(2);
    }

    /** Pooled connections across all hosts. Default 50. */
    public int maxConnectionsTotal() {
        return maxConnectionsTotal;
    }

    /** Pooled connections to one host; requests beyond it wait in the pool's queue, holding no thread. Default 50. */
    public int maxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    public Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** TLS settings; without them the JVM's default trust store is used. */
    public Optional<SSLContextParameters> sslContextParameters() {
        return Optional.ofNullable(sslContextParameters);
    }

    /** The context {@link #sslContextParameters()} are resolved in; set together with them. */
    public Optional<CamelContext> camelContext() {
        return Optional.ofNullable(camelContext);
    }

    /** Whether bodies of {@link #gzipThresholdBytes()} or more are sent gzipped. Default true. */
    public boolean compressRequests() {
        return compressRequests;
    }

    /** Bodies at or above this size are gzipped when {@link #compressRequests()} is on. Default 1024. */
    public int gzipThresholdBytes() {
        return gzipThresholdBytes;
    }

    public String userAgent() {
        return userAgent;
    }

    @Override
    public String toString() {
        // SSLContextParameters hold keystore passwords; say only whether they are set
        return "HttpTransportOptions[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnectionsTotal=" + maxConnectionsTotal + ", maxConnectionsPerRoute=" + maxConnectionsPerRoute
                + ", proxy=" + proxy + ", customTls=" + (sslContextParameters != null)
                + ", compressRequests=" + compressRequests + ", gzipThresholdBytes=" + gzipThresholdBytes
                + ", userAgent=" + userAgent + "]";
    }

    /**
     * An HTTP proxy every request goes through.
     *
     * @param scheme {@code http} or {@code https}: how the transport talks to the proxy itself
     * @param host   the proxy host
     * @param port   the proxy port
     */
    public record Proxy(String scheme, String host, int port) {

        public Proxy {
            Objects.requireNonNull(scheme, "proxy scheme");
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("proxy scheme must be http or https, got " + scheme);
            }
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("proxy host is required");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("proxy port must be between 1 and 65535, got " + port);
            }
        }

        @Override
        public String toString() {
            return scheme + "://" + host + ":" + port;
        }
    }

    /** Builds {@link HttpTransportOptions}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnectionsTotal = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerRoute = DEFAULT_MAX_CONNECTIONS;
        private Proxy proxy;
        private SSLContextParameters sslContextParameters;
        private CamelContext camelContext;
        private boolean compressRequests = true;
        private int gzipThresholdBytes = DEFAULT_GZIP_THRESHOLD_BYTES;
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder() {
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        /** Sets both the total and the per-route limit. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnectionsTotal = maxConnections;
            this.maxConnectionsPerRoute = maxConnections;
            return this;
        }

        public Builder maxConnectionsTotal(int maxConnectionsTotal) {
            this.maxConnectionsTotal = maxConnectionsTotal;
            return this;
        }

        public Builder maxConnectionsPerRoute(int maxConnectionsPerRoute) {
            this.maxConnectionsPerRoute = maxConnectionsPerRoute;
            return this;
        }

        /** An {@code http} proxy. */
        public Builder proxy(String host, int port) {
            return proxy("http", host, port);
        }

        public Builder proxy(String scheme, String host, int port) {
            this.proxy = new Proxy(scheme, host, port);
            return this;
        }

        /** No proxy (the default). */
        public Builder noProxy() {
            this.proxy = null;
            return this;
        }

        /**
         * Custom TLS (trust store, key store for client certificates, protocols, ciphers).
         *
         * @param parameters   Camel's TLS configuration, or null for the JVM default
         * @param camelContext the context to resolve the parameters in (property placeholders, resources)
         */
        public Builder sslContextParameters(SSLContextParameters parameters, CamelContext camelContext) {
            this.sslContextParameters = parameters;
            this.camelContext = camelContext;
            return this;
        }

        public Builder compressRequests(boolean compressRequests) {
            this.compressRequests = compressRequests;
            return this;
        }

        public Builder gzipThresholdBytes(int gzipThresholdBytes) {
            this.gzipThresholdBytes = gzipThresholdBytes;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** @throws IllegalArgumentException naming the first option that is out of range */
        public HttpTransportOptions build() {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(responseTimeout, "responseTimeout");
            requireAtLeastOne(maxConnectionsTotal, "maxConnectionsTotal");
            requireAtLeastOne(maxConnectionsPerRoute, "maxConnectionsPerRoute");
            if (maxConnectionsPerRoute > maxConnectionsTotal) {
                throw new IllegalArgumentException("maxConnectionsPerRoute (" + maxConnectionsPerRoute
                        + ") cannot exceed maxConnectionsTotal (" + maxConnectionsTotal + ")");
            }
            if (gzipThresholdBytes < 0) {
                throw new IllegalArgumentException("gzipThresholdBytes must be 0 or more, got " + gzipThresholdBytes);
            }
            if (sslContextParameters != null && camelContext == null) {
                throw new IllegalArgumentException("sslContextParameters need the CamelContext to resolve them in");
            }
            if (userAgent == null || userAgent.isBlank() || userAgent.indexOf('\r') >= 0
                    || userAgent.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("userAgent must be a non-blank single line");
            }
            return new HttpTransportOptions(this);
        }

        private static void requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
        }

        private static void requireAtLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
        }
    }
}
