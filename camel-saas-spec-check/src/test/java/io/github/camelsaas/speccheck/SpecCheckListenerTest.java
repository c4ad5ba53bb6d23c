package io.github.camelsaas.speccheck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener, loaded by WireMock's extension scanning, checks requests against the vendor's description. */
@OffSpecRequests("sends requests that break the descriptions, to see them found")
class SpecCheckListenerTest {

    private static final String UUID = "0f3b5a9e-2c41-4d8e-9a77-1e2d3c4b5a69";
    private static final WireMockServer server =
            new WireMockServer(options().dynamicPort().extensionScanningEnabled(true));
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void forgetEarlierFindings() {
        SpecViolations.drain();
    }

    @Test
    void aZuoraTokenRequestAsTheDescriptionSaysPasses() throws Exception {
        post("/oauth/token", "application/x-www-form-urlencoded", "client_id=" + UUID + "&client_secret=s3cr3t"
                + "&grant_type=client_credentials");

        assertThat(SpecViolations.drain()).isEmpty();
    }

    @Test
    void aMissingRequiredFieldAndATooShortClientIdAreFound() throws Exception {
        post("/oauth/token", "application/x-www-form-urlencoded", "client_id=short&client_secret=s3cr3t");

        List<String> found = SpecViolations.drain();
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).contains("POST /oauth/token", "grant_type", "client_id");
    }

    @Test
    void aKustomerPathTheDescriptionDoesNotHaveIsFound() throws Exception {
        kustomer("/v1/nothing-here", "{}");

        assertThat(SpecViolations.drain()).singleElement().asString().contains("validation.request.path.missing");
    }

    @Test
    void aKustomerCustomAttributeIsAllowedButAScopeInTheBodyIsNot() throws Exception {
        kustomer("/v1/klasses/order", "{\"title\":\"t\",\"custom\":{\"shippingStatusStr\":\"sent\"}}");
        assertThat(SpecViolations.drain()).isEmpty();

        kustomer("/v1/customers/5f0c1d2e3f4a5b6c7d8e9f01/conversations", "{\"customer\":\"5f0c\",\"name\":\"n\"}");
        assertThat(SpecViolations.drain()).singleElement().asString().contains("additionalProperties", "customer");
    }

    @Test
    void aPathOfNeitherVendorIsFound() throws Exception {
        post("/slow", "application/json", "{}");

        assertThat(SpecViolations.drain()).singleElement().asString().contains("neither vendor");
    }

    private static void kustomer(String path, String json) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer k").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static void post(String path, String contentType, String body) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }
}
