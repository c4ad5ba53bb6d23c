package io.github.camelsaas.common.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.redact.Redaction;
import io.github.camelsaas.common.redact.SecretRegistry;

/**
 * The transport's log lines. DEBUG: one line per request with method, path, status (or failure) and duration.
 * TRACE: headers with credentials masked, the redacted query string, and bodies (truncated, credentials masked).
 * Nothing here ever logs a body or a header above TRACE, and every line passes through the redaction rules and
 * the secret registry.
 */
final class ExchangeLog {

    /** Bodies logged at TRACE are cut here: enough to diagnose, not megabytes per line. */
    static final int TRACE_BODY_LIMIT = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final SecretRegistry secrets;

    ExchangeLog(SecretRegistry secrets) {
        this.secrets = secrets;
    }

    void sending(SaasHttpRequest request, List<SaasHttpHeader> sentHeaders, byte[] plainBody) {
        if (!LOG.isTraceEnabled()) {
            return;
        }
        String query = request.uri().getRawQuery();
        LOG.trace("{} {}{} request headers: {}", request.method(), safe(request.path()),
                query == null ? "" : "?" + safe(query), headerLine(sentHeaders));
        if (plainBody != null) {
            LOG.trace("{} {} request body ({} bytes): {}", request.method(), safe(request.path()), plainBody.length,
                    bodyLine(plainBody));
        }
    }

    void received(SaasHttpRequest request, SaasHttpResponse response, long durationMillis) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} ms", request.method(), safe(request.path()), response.status(),
                    durationMillis);
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} response headers: {}", request.method(), safe(request.path()),
                    headerLine(response.headers()));
            LOG.trace("{} {} response body ({} bytes): {}", request.method(), safe(request.path()),
                    response.bodyLength(), bodyLine(response.body()));
        }
    }

    void failed(HttpTransportException failure, long durationMillis) {
        if (LOG.isDebugEnabled()) {
            // the exception message is already redacted and carries no query string
            LOG.debug("{} after {} ms", failure.getMessage(), durationMillis);
        }
    }

    private String headerLine(List<SaasHttpHeader> headers) {
        StringJoiner line = new StringJoiner(", ", "[", "]");
        for (SaasHttpHeader header : headers) {
            line.add(header.name() + ": " + safe(Redaction.redactHeaderValue(header.name(), header.value())));
        }
        return line.toString();
    }

    private String bodyLine(byte[] body) {
        int shown = Math.min(body.length, TRACE_BODY_LIMIT);
        String text = new String(body, 0, shown, StandardCharsets.UTF_8);
        return safe(text) + (shown < body.length ? "... (truncated)" : "");
    }

    private String safe(String text) {
        return secrets.redact(Redaction.redactText(text));
    }
}
