package io.github.camelsaas.zuora.objects.auth;

import java.util.Objects;

/**
 * A bearer token and when to stop using it. {@link #toString()} never shows the value.
 *
 * @param value          the token itself
 * @param refreshAtMillis epoch milliseconds after which a new token should be fetched (Long.MAX_VALUE: never)
 */
public record AccessToken(String value, long refreshAtMillis) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    /** Whether the token may still be used at {@code nowMillis}. */
    public boolean isFreshAt(long nowMillis) {
        return nowMillis < refreshAtMillis;
    }

    /** The Authorization header value. */
    public String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[xxxxxx, refreshAt=" + refreshAtMillis + "]";
    }
}
