package io.github.camelsaas.simulator.kustomer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * A request the simulator refuses, answered in Kustomer's error envelope
 * {@code {"errors":[{"status","code","title","source"}]}}. Handlers throw it from any depth; the simulator turns it
 * into the answer. {@code source} names what was wrong: a JSON pointer into the body ({@code pointer}, as JSON:API
 * does) or a path, query or header parameter ({@code parameters}, the key Kustomer's spec documents).
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, Object> source;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiException(int status, String code, String title, Map<String, Object> source) {
        super(title, null, false, false);
        this.status = status;
        this.code = code;
        this.source = source;
    }

    /** 400 for a body member; {@code pointer} is a JSON pointer such as {@code /custom/priceNum} or {@code /3/title}. */
    static ApiException invalidField(String pointer, String title) {
        return new ApiException(400, "invalid_request", title, Map.of("pointer", pointer));
    }

    /** 400 for a path, query or header parameter. */
    static ApiException invalidParameter(String parameter, String title) {
        return new ApiException(400, "invalid_request", title, Map.of("parameters", parameter));
    }

    static ApiException notFound(String parameter, String title) {
        return new ApiException(404, "not_found", title, Map.of("parameters", parameter));
    }

    static ApiException conflict(String pointer, String title) {
        return new ApiException(409, "conflict", title, Map.of("pointer", pointer));
    }

    static ApiException unauthorized(String title) {
        return new ApiException(401, "unauthorized", title, Map.of("parameters", "Authorization"));
    }

    static ApiException payloadTooLarge(int limitBytes) {
        return new ApiException(413, "payload_too_large",
                "request body exceeds " + limitBytes + " bytes", Map.of("pointer", ""));
    }

    static ApiException tooManyRequests(String title) {
        return new ApiException(429, "rate_limited", title, Map.of("parameters", "Authorization"));
    }

    ApiException withHeader(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    SimResponse toResponse() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("title", getMessage());
        error.put("source", source);
        SimResponse response = SimResponse.json(status, Map.of("errors", List.of(error)));
        headers.forEach(response::header);
        return response;
    }
}
