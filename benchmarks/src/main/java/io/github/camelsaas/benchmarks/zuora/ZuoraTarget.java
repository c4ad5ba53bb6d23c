package io.github.camelsaas.benchmarks.zuora;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelsaas.benchmarks.stub.StubStats;
import io.github.camelsaas.benchmarks.stub.ZuoraStubHandle;
import io.github.camelsaas.benchmarks.workload.OrderRecords;

/**
 * The Zuora stub as the Zuora variants see it: the component URI, the create URL and a token for hand-written
 * clients, and the JSON body Zuora's create call takes.
 */
public final class ZuoraTarget {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ZuoraStubHandle stub;
    private final String componentOptions;

    /**
     * @param componentOptions extra options for every {@code zuora-objects:} endpoint, e.g.
     *                         {@code compressRequests=false}
     */
    public ZuoraTarget(ZuoraStubHandle stub, String componentOptions) {
        this.stub = stub;
        this.componentOptions = componentOptions;
    }

    public String componentUri(String moreOptions) {
        return "zuora-objects:" + OrderRecords.OBJECT + "?baseUrl=" + stub.baseUrl() + "&clientId="
                + io.github.camelsaas.benchmarks.stub.ZuoraStub.CLIENT_ID + "&clientSecret="
                + io.github.camelsaas.benchmarks.stub.ZuoraStub.CLIENT_SECRET
                + (componentOptions.isEmpty() ? "" : "&" + componentOptions)
                + (moreOptions.isEmpty() ? "" : "&" + moreOptions);
    }

    /** {@code http://127.0.0.1:port/objects/records/default/BenchOrder}. */
    public String createUrl() {
        return stub.baseUrl() + "/objects/records/default/" + OrderRecords.OBJECT;
    }

    /** A bearer token, fetched once as a hand-written route would before it starts (not timed). */
    public String fetchToken() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stub.baseUrl() + "/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id="
                            + io.github.camelsaas.benchmarks.stub.ZuoraStub.CLIENT_ID + "&client_secret="
                            + io.github.camelsaas.benchmarks.stub.ZuoraStub.CLIENT_SECRET
                            + "&grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return MAPPER.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch a token from the Zuora stub", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Zuora's create body: {@code {"allowPartialSuccess":false,"records":[...]}}. */
    public static Map<String, Object> createBody(List<?> records) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowPartialSuccess", false);
        body.put("records", records);
        return body;
    }

    public static byte[] serialize(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize", e);
        }
    }

    public void resetStub() {
        stub.reset();
    }

    public StubStats stubStats() {
        return stub.stats();
    }
}
