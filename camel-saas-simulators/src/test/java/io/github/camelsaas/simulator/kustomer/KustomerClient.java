package io.github.camelsaas.simulator.kustomer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for the simulator's tests: sends a call, answers status, headers and the parsed body. */
final class KustomerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer; {@code json} is the parsed body (a Map or List), or null when empty. */
    record Answer(int status, Map<String, List<String>> headers, String body, Object json) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) map().get("data");
        }

        String id() {
            return (String) data().get("id");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> attributes() {
            return (Map<String, Object>) data().get("attributes");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> error() {
            return ((List<Map<String, Object>>) map().get("errors")).get(0);
        }

        String errorTitle() {
            return (String) error().get("title");
        }

        @SuppressWarnings("unchecked")
        String errorPointer() {
            return (String) ((Map<String, Object>) error().get("source")).get("pointer");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private String apiKey = KustomerSimulator.DEMO_API_KEY;

    KustomerClient(KustomerSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    KustomerClient withKey(String key) {
        this.apiKey = key;
        return this;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** Sends {@code body} as JSON (a String is sent as it is). */
    Answer send(String method, String path, Object body) {
        try {
            byte[] bytes = body == null ? new byte[0]
                    : body instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .header("Content-Type", "application/json");
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Object json = response.body().isEmpty() ? null : JSON.readValue(response.body(), new TypeReference<Object>() {
            });
            return new Answer(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
