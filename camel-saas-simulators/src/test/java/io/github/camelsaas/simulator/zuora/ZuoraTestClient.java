package io.github.camelsaas.simulator.zuora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small Zuora client over the JDK's HttpClient, as tests need it: raw enough to see every status and header. */
final class ZuoraTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, headers, body (parsed on demand). */
    record Reply(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ZuoraSimulator zuora;
    private String token;

    ZuoraTestClient(ZuoraSimulator zuora) {
        this.zuora = zuora;
    }

    /** A token of the demo client, fetched on first use. */
    String token() {
        if (token == null) {
            Reply reply = requestToken(ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET);
            if (reply.status() != 200) {
                throw new AssertionError("token request failed: " + reply.status() + " " + reply.body());
            }
            token = reply.json().get("access_token").asText();
        }
        return token;
    }

    Reply requestToken(String clientId, String clientSecret) {
        return requestToken(form(Map.of("client_id", clientId, "client_secret", clientSecret,
                "grant_type", "client_credentials")));
    }

    Reply requestToken(String formBody) {
        return send(HttpRequest.newBuilder(uri("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    Reply get(String path) {
        return send(authorized(path).GET());
    }

    Reply post(String path, Object body) {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Reply put(String path, Object body) {
        return send(authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Reply patch(String path, Object body) {
        return patch(path, body, RecordEndpoint.MERGE_PATCH);
    }

    Reply patch(String path, Object body, String contentType) {
        return send(authorized(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Reply delete(String path) {
        return send(authorized(path).DELETE());
    }

    /** {@code POST /objects/records/default/{object}} with these records. */
    Reply create(String object, boolean allowPartialSuccess, List<? extends Map<String, ?>> records) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowPartialSuccess", allowPartialSuccess);
        body.put("records", records);
        return post("/objects/records/default/" + object, body);
    }

    /** POST with a given token (so threads need not share this client's token cache). */
    Reply send(URI uri, String bearerToken, Object body) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    CompletableFuture<Reply> getAsync(String path) {
        return http.sendAsync(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response));
    }

    /** A request builder with the demo client's bearer token. */
    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token());
    }

    URI uri(String path) {
        return URI.create(zuora.baseUrl() + path);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String ? (String) body : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
