package io.github.camelsaas.zuora.objects.api;

import java.util.Objects;

/**
 * One Zuora API call as an operation describes it, before authentication and Zuora's headers are added: method,
 * path with query, optional body, and whether it is safe to send twice (which decides what is retried).
 *
 * @param method      GET, POST, PUT, PATCH or DELETE
 * @param pathAndQuery the path below the base URL, starting with "/", with an encoded query string if any
 * @param body        the JSON body, or null
 * @param contentType the body's media type, or null without body
 * @param idempotent  whether a second delivery does no harm (reads, PUT, merge patch, delete); a create is not
 */
public record ZuoraRequest(String method, String pathAndQuery, byte[] body, String contentType, boolean idempotent) {

    public static final String JSON = "application/json";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    public ZuoraRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + pathAndQuery);
        }
    }

    public static ZuoraRequest get(String pathAndQuery) {
        return new ZuoraRequest("GET", pathAndQuery, null, null, true);
    }

    public static ZuoraRequest delete(String path) {
        return new ZuoraRequest("DELETE", path, null, null, true);
    }

    public static ZuoraRequest post(String path, byte[] body, boolean idempotent) {
        return new ZuoraRequest("POST", path, body, JSON, idempotent);
    }

    /** The path without query string: what logs and messages show, since a query may hold record values. */
    public String path() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    @Override
    public String toString() {
        return method + " " + path();
    }
}
