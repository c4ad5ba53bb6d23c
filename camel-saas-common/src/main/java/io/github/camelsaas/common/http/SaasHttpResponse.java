package io.github.camelsaas.common.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP response as received, whatever its status: a 4xx or 5xx is a normal response, and deciding what it
 * means is the caller's job. The body is already decompressed. Immutable; the body is copied in and out.
 */
public final class SaasHttpResponse {

    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final List<SaasHttpHeader> headers;
    private final byte[] body;

    /**
     * @param status  the HTTP status code
     * @param headers the response headers in received order
     * @param body    the (decompressed) body; null is treated as empty
     */
    public SaasHttpResponse(int status, List<SaasHttpHeader> headers, byte[] body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("invalid HTTP status " + status);
        }
        this.status = status;
        this.headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        this.body = body == null ? NO_BODY : body.clone();
    }

    /**
     * A response for tests and simulations, headers given as name, value pairs.
     *
     * @param body the body as UTF-8 text, may be null
     */
    public static SaasHttpResponse of(int status, String body, String... headerNamesAndValues) {
        if (headerNamesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers must be given as name, value pairs");
        }
        List<SaasHttpHeader> headers = new ArrayList<>();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            headers.add(new SaasHttpHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]));
        }
        return new SaasHttpResponse(status, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** All headers in received order. */
    public List<SaasHttpHeader> headers() {
        return headers;
    }

    /** The first value of the named header, ignoring case, or null when absent. */
    public String header(String name) {
        for (SaasHttpHeader header : headers) {
            if (header.hasName(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** Every value of the named header, ignoring case, in received order. */
    List<String> headerValues(String name) {
        List<String> values = new ArrayList<>(1);
        for (SaasHttpHeader header : headers) {
            if (header.hasName(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** A copy of the body; empty, never null, when there was none. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8, the encoding of every JSON document. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // no headers or body: either may echo a credential
        return "SaasHttpResponse[status=" + status + ", bodyLength=" + body.length + "]";
    }
}
