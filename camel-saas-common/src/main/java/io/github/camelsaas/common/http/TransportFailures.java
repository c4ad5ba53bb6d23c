package io.github.camelsaas.common.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.RequestNotExecutedException;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.redact.Redaction;
import io.github.camelsaas.common.redact.SecretRegistry;

/**
 * Turns what the HTTP client reports into an {@link HttpTransportException}, deciding whether the request can
 * have reached the server. That decision is conservative: only failures that happen before a request byte is
 * written count as connect failures, since a caller may replay a create on that answer alone.
 */
final class TransportFailures {

    private final SecretRegistry secrets;
    private final Duration responseTimeout;

    TransportFailures(SecretRegistry secrets, Duration responseTimeout) {
        this.secrets = secrets;
        this.responseTimeout = responseTimeout;
    }

    HttpTransportException classify(SaasHttpRequest request, Throwable failure) {
        Throwable cause = FutureFailures.unwrap(failure);
        Kind kind = kindOf(cause);
        String reason = kind.description(responseTimeout) + " (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        return new HttpTransportException(request.method(), redact(request.path()), redact(reason), cause,
                kind.connectFailure, kind.timeout);
    }

    /** The future was cancelled, normally because the transport was closed with the request in flight. */
    HttpTransportException cancelled(SaasHttpRequest request) {
        return new HttpTransportException(request.method(), redact(request.path()),
                "request cancelled, the transport is closing", null, false, false);
    }

    String redact(String text) {
        return secrets.redact(Redaction.redactText(text));
    }

    /** The first recognised failure along the cause chain decides; unknown failures are plain I/O failures. */
    private static Kind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Kind kind = recognise(t);
            if (kind != null) {
                return kind;
            }
        }
        return Kind.IO;
    }

    private static Kind recognise(Throwable t) {
        // order matters: ConnectTimeoutException and ConnectionRequestTimeoutException are InterruptedIOExceptions
        // like SocketTimeoutException, but happen before anything is sent
        if (t instanceof ConnectTimeoutException) {
            return Kind.CONNECT_TIMEOUT;
        }
        if (t instanceof ConnectionRequestTimeoutException || t instanceof TimeoutException) {
            return Kind.POOL_TIMEOUT;
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return Kind.CONNECT_REFUSED;
        }
        if (t instanceof UnknownHostException) {
            return Kind.UNKNOWN_HOST;
        }
        if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
            return Kind.TLS_HANDSHAKE;
        }
        if (t instanceof RequestNotExecutedException) {
            return Kind.NOT_EXECUTED;
        }
        if (t instanceof SocketTimeoutException) {
            return Kind.RESPONSE_TIMEOUT;
        }
        return null;
    }

    private enum Kind {
        CONNECT_REFUSED("could not connect", true, false),
        CONNECT_TIMEOUT("connect timed out", true, true),
        POOL_TIMEOUT("no pooled connection became available in time", true, true),
        UNKNOWN_HOST("unknown host", true, false),
        TLS_HANDSHAKE("TLS handshake failed", true, false),
        NOT_EXECUTED("connection closed before the request was sent", true, false),
        RESPONSE_TIMEOUT(null, false, true),
        IO("I/O failure, the request may or may not have been processed", false, false);

        private final String description;
        private final boolean connectFailure;
        private final boolean timeout;

        Kind(String description, boolean connectFailure, boolean timeout) {
            this.description = description;
            this.connectFailure = connectFailure;
            this.timeout = timeout;
        }

        String description(Duration responseTimeout) {
            return this == RESPONSE_TIMEOUT ? "no response within " + responseTimeout.toMillis() + " ms" : description;
        }
    }
}
