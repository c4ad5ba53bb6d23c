package io.github.camelsaas.benchmarks.stub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A Zuora stub running elsewhere (another JVM), reached over HTTP for its stats and reset. Closing it does nothing. */
public final class RemoteZuoraStub implements ZuoraStubHandle {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String baseUrl;
    private final HttpClient control = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RemoteZuoraStub(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public StubStats stats() {
        JsonNode stats = readJson(call("GET", "/__stats"));
        return new StubStats(stats.get("calls").asLong(), stats.get("records").asLong(),
                stats.get("maxRecordsPerCall").asInt(), stats.get("tokenCalls").asLong(), stats.get("refused").asLong());
    }

    @Override
    public void reset() {
        call("POST", "/__reset");
    }

    @Override
    public void close() {
        // not ours to stop
    }

    private String call(String method, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = control.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the Zuora stub does not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("the Zuora stub answered stats that are not JSON: " + text, e);
        }
    }
}
