package io.github.camelsaas.simulator.common;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a simulator's handler answers: status, headers, body. */
public final class SimResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private SimResponse(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    /** A JSON answer; {@code value} is serialized with Jackson (Maps, Lists, records). */
    public static SimResponse json(int status, Object value) {
        try {
            return new SimResponse(status, JSON.writeValueAsBytes(value)).header("Content-Type", "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a simulator answer", e);
        }
    }

    public static SimResponse text(int status, String contentType, String body) {
        return new SimResponse(status, body.getBytes(StandardCharsets.UTF_8)).header("Content-Type", contentType);
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, new byte[0]);
    }

    public SimResponse header(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    /** The shared mapper simulators use to read request bodies. */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
