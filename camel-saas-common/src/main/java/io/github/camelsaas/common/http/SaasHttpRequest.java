package io.github.camelsaas.common.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTTP request to send with {@link HttpTransport}: method, absolute URI, headers in the order given, and an
 * optional body with its content type. Immutable; the body is copied in and out.
 *
 * <p>Headers that the transport derives itself are refused here, so they cannot contradict what is sent:
 * {@code Content-Type} (give it with the body), {@code Content-Length}, {@code Transfer-Encoding},
 * {@code Content-Encoding} (the transport gzips bodies, see {@link HttpTransportOptions#compressRequests()}) and
 * {@code Host} (from the URI).
 */
public final class SaasHttpRequest {

    private static final Set<String> MANAGED_HEADERS =
            Set.of("content-type", "content-length", "transfer-encoding", "content-encoding", "host");
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    private final String method;
    private final URI uri;
    private final List<SaasHttpHeader> headers;
    private final byte[] body;
    private final String contentType;

    private SaasHttpRequest(Builder builder) {
        this.method = builder.method;
        this.uri = builder.uri;
        this.headers = List.copyOf(builder.headers);
        this.body = builder.body;
        this.contentType = builder.contentType;
    }

    /** A GET without body. */
    public static SaasHttpRequest get(URI uri) {
        return builder("GET", uri).build();
    }

    /** A DELETE without body. */
    public static SaasHttpRequest delete(URI uri) {
        return builder("DELETE", uri).build();
    }

    /** A POST with the given body. */
    public static SaasHttpRequest post(URI uri, byte[] body, String contentType) {
        return builder("POST", uri).body(body, contentType).build();
    }

    /** A PUT with the given body. */
    public static SaasHttpRequest put(URI uri, byte[] body, String contentType) {
        return builder("PUT", uri).body(body, contentType).build();
    }

    /** A PATCH with the given body. */
    public static SaasHttpRequest patch(URI uri, byte[] body, String contentType) {
        return builder("PATCH", uri).body(body, contentType).build();
    }

    /**
     * Starts a request.
     *
     * @param method an HTTP method in upper case, such as {@code GET}
     * @param uri    an absolute {@code http} or {@code https} URI
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** A builder holding this request's values, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder(method, uri);
        builder.headers.addAll(headers);
        builder.body = body;
        builder.contentType = contentType;
        return builder;
    }

    /**
     * This request with the header set to a single value: existing headers of that name (any case) are
     * replaced, in the position of the first, or the header is appended. Typical use: adding authentication.
     */
    public SaasHttpRequest withHeader(String name, String value) {
        SaasHttpHeader replacement = new SaasHttpHeader(name, value);
        checkNotManaged(name);
        Builder builder = toBuilder();
        builder.headers.clear();
        boolean placed = false;
        for (SaasHttpHeader header : headers) {
            if (!header.hasName(name)) {
                builder.headers.add(header);
            } else if (!placed) {
                builder.headers.add(replacement);
                placed = true;
            }
        }
        if (!placed) {
            builder.headers.add(replacement);
        }
        return builder.build();
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The raw path without query string: what logs and error messages show, since queries may hold secrets. */
    public String path() {
        return pathOf(uri);
    }

    /** Headers in the order given; several may share a name. */
    public List<SaasHttpHeader> headers() {
        return headers;
    }

    /** The first value of the named header, ignoring case, or null. */
    public String header(String name) {
        for (SaasHttpHeader header : headers) {
            if (header.hasName(name)) {
                return header.value();
            }
        }
        return null;
    }

    public boolean hasBody() {
        return body != null;
    }

    /** A copy of the body, or null when there is none. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** Body length in bytes, 0 when there is none. */
    public int bodyLength() {
        return body == null ? 0 : body.length;
    }

    /** The body's media type, or null when there is no body. */
    public String contentType() {
        return contentType;
    }

    /** The body itself, not copied, for the transport, which never modifies it. */
    byte[] bodyBytes() {
        return body;
    }

    static String pathOf(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        // no query string and no header values: either may carry a credential
        return method + " " + path() + (body == null ? "" : " (" + body.length + " bytes " + contentType + ")");
    }

    private static void checkNotManaged(String name) {
        if (MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the transport"
                    + (name.equalsIgnoreCase("content-type") ? "; give the content type with the body" : ""));
        }
    }

    /** Builds a {@link SaasHttpRequest}. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final List<SaasHttpHeader> headers = new ArrayList<>();
        private byte[] body;
        private String contentType;

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            if (!METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException("invalid HTTP method '" + method + "', expected upper case letters");
            }
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("request URI must be an absolute http or https URI with a host, "
                        + "got " + scheme + "://" + uri.getRawAuthority() + pathOf(uri));
            }
            this.method = method;
            this.uri = uri;
        }

        /** Appends a header; several headers may share a name. */
        public Builder header(String name, String value) {
            SaasHttpHeader header = new SaasHttpHeader(name, value);
            checkNotManaged(name);
            headers.add(header);
            return this;
        }

        /**
         * Sets the body, copied, and its content type (for example {@code application/json}).
         *
         * @param body        the bytes; null removes the body
         * @param contentType required with a body
         */
        public Builder body(byte[] body, String contentType) {
            if (body != null && (contentType == null || contentType.isBlank())) {
                throw new IllegalArgumentException("a request body needs a content type");
            }
            this.body = body == null ? null : body.clone();
            this.contentType = body == null ? null : contentType;
            return this;
        }

        public SaasHttpRequest build() {
            return new SaasHttpRequest(this);
        }
    }
}
