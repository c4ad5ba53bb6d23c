package io.github.camelsaas.common.component;

import org.apache.camel.spi.UriParam;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.github.camelsaas.common.http.HttpTransportOptions;
import io.github.camelsaas.common.http.TransportSettings;

/**
 * The connection options both components' configurations have, with one meaning: endpoint options (set on the
 * component, they apply to every endpoint that does not set them), and endpoints with equal ones share one HTTP
 * transport ({@link TransportPool}).
 */
public abstract class ConnectionOptions {

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration",
              description = "Time allowed to establish a connection to the vendor (TCP and TLS).")
    private long connectTimeout = HttpTransportOptions.DEFAULT_CONNECT_TIMEOUT.toMillis();

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
              description = "Time allowed for the vendor's answer once a request is sent.")
    private long responseTimeout = HttpTransportOptions.DEFAULT_RESPONSE_TIMEOUT.toMillis();

    @UriParam(label = "proxy", description = "The host of an HTTP proxy every call goes through.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The port of the proxy.")
    private Integer proxyPort;

    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https",
              description = "How to talk to the proxy itself: http or https.")
    private String proxyProtocol = "http";

    @UriParam(label = "security",
              description = "TLS settings (trust store, client certificate); the JVM's defaults when unset.")
    private SSLContextParameters sslContextParameters;

    /**
     * The transport these options call for.
     *
     * @param compressRequests      whether request bodies are gzipped (a vendor's choice)
     * @param maxConcurrentRequests the account's cap on calls in flight
     * @param userAgent             the component's User-Agent
     */
    protected TransportSettings transportSettings(boolean compressRequests, int maxConcurrentRequests,
                                                  String userAgent) {
        return TransportSettings.of(connectTimeout, responseTimeout, proxyProtocol, proxyHost, proxyPort,
                sslContextParameters, compressRequests, maxConcurrentRequests, userAgent);
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(String proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }
}
