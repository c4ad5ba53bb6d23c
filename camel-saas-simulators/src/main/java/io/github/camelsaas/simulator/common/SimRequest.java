package io.github.camelsaas.simulator.common;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;

/** One request as a simulator's handler sees it: method, path, query, headers, body (gzip already undone). */
public final class SimRequest {

    private final Request request;
    private final String path;
    private final Map<String, List<String>> query;

    SimRequest(Request request) {
        this.request = request;
        String url = request.getUrl();
        int q = url.indexOf('?');
        this.path = q < 0 ? url : url.substring(0, q);
        this.query = QueryString.parse(q < 0 ? "" : url.substring(q + 1));
    }

    public String method() {
        return request.getMethod().getName();
    }

    /** The raw (still percent-encoded) path, without the query string. */
    public String path() {
        return path;
    }

    /** The first value of a query parameter, decoded, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The names of the query parameters, in the order they came, each with its first value, decoded. */
    public Map<String, String> queryParameters() {
        Map<String, String> first = new java.util.LinkedHashMap<>();
        query.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
        return first;
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        return request.containsHeader(name) ? request.getHeader(name) : null;
    }

    /** The body, decompressed when it was sent with Content-Encoding: gzip. */
    public byte[] body() {
        byte[] body = request.getBody();
        return body == null ? new byte[0] : body;
    }

    public String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The form parameter of an application/x-www-form-urlencoded body, or null. */
    public String formParameter(String name) {
        return QueryString.parse(bodyAsString()).getOrDefault(name, List.of()).stream().findFirst().orElse(null);
    }
}
