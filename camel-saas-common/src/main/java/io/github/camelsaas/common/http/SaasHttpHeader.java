package io.github.camelsaas.common.http;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP header field. Names are compared case-insensitively by the request and response lookups; values may
 * not contain line breaks, so a value taken from a message header can never inject a second header.
 *
 * @param name  a field name (RFC 9110 token)
 * @param value the value, possibly empty
 */
public record SaasHttpHeader(String name, String value) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public SaasHttpHeader {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, () -> "value of header " + name);
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid header name '" + name + "'");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("value of header " + name + " contains a line break");
        }
    }

    /** Whether this header has the given name, ignoring case. */
    public boolean hasName(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    @Override
    public String toString() {
        // the value may be a credential: callers that log headers go through Redaction
        return name + ": ...";
    }
}
