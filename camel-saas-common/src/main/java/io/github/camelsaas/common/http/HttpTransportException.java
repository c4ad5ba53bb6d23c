package io.github.camelsaas.common.http;

import java.io.IOException;

/**
 * A request that got no HTTP response: connection refused or reset, a timeout, a TLS failure. (A response with
 * an error status is not an exception; see {@link SaasHttpResponse}.)
 *
 * <p>The message names the method and the path, never the query string or any header, and has credentials
 * masked. The original failure is kept as the cause.
 */
public class HttpTransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final boolean connectFailure;
    private final boolean timeout;

    /**
     * @param method         the request method
     * @param path           the request path, without query string
     * @param reason         what went wrong, already free of credentials
     * @param cause          the underlying failure
     * @param connectFailure whether the request certainly never reached the server
     * @param timeout        whether the failure was a time limit running out
     */
    public HttpTransportException(String method, String path, String reason, Throwable cause,
                                  boolean connectFailure, boolean timeout) {
        super(method + " " + path + " failed: " + reason, cause);
        this.method = method;
        this.path = path;
        this.connectFailure = connectFailure;
        this.timeout = timeout;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /**
     * Whether the request certainly never reached the server (connection refused, connect timeout, unknown host,
     * TLS handshake failure, no pooled connection in time), so even a non-idempotent request such as a create can
     * be sent again without risking a duplicate. False means it may or may not have been processed.
     */
    public boolean isConnectFailure() {
        return connectFailure;
    }

    /** Whether a time limit ran out: connecting, waiting for a pooled connection, or waiting for the response. */
    public boolean isTimeout() {
        return timeout;
    }
}
