package io.github.camelsaas.kustomer.api;

import java.util.Map;

/**
 * One call to make: method, path (with its template for messages), an optional query and JSON body, the
 * per-customer permits it needs (customer key to the number of times the server counts the call against it), and
 * whether sending it twice is harmless (which decides if a 5xx or a lost answer is retried).
 */
public record KustomerRequest(String method, KustomerPaths.ApiPath path, String query, byte[] body,
                       Map<String, Integer> customerPermits, boolean idempotent) {

    public static KustomerRequest get(KustomerPaths.ApiPath path) {
        return new KustomerRequest("GET", path, null, null, Map.of(), true);
    }

    public static KustomerRequest get(KustomerPaths.ApiPath path, String query) {
        return new KustomerRequest("GET", path, query, null, Map.of(), true);
    }

    /** What log lines and errors show: method and path template, never ids or emails. */
    public String describe() {
        return method + " " + path.template();
    }

    @Override
    public String toString() {
        return describe();
    }
}
