package io.github.camelsaas.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache HttpClient's own loggers at their most verbose never show a credential: its header logger prints
 * credential headers masked (while the server still gets them whole), and there is no wire log at all.
 */
class HttpClientLoggingTest {

    private static final String TOKEN = "tok-SECRET-9c8b7a6f";
    private static final String API_KEY = "key-SECRET-1d2e3f4a";
    private static final String CLIENT_SECRET = "cs-SECRET-5e6f7a8b";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private HttpTransport transport;

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void theHeaderLoggerPrintsCredentialsMaskedAndTheServerGetsThemWhole() throws Exception {
        String text = sendWithHttpClientLoggingAt(HttpTransportOptions.builder(), "http://localhost:" + wm.getPort());

        assertThat(text).contains(">> Authorization: Bearer xxxxxx").contains(">> X-Api-Key: xxxxxx")
                .contains(">> X-Request-Tag: tag-1");
        assertThat(text).doesNotContain("SECRET");
        wm.verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Api-Key", equalTo(API_KEY)));
    }

    @Test
    void nothingGoesToTheWireLoggerNotEvenTheBodyWithTheClientSecret() throws Exception {
        String wire;
        try (CapturedLog log = CapturedLog.named("org.apache.hc.client5.http.wire", Level.TRACE)) {
            sendWithHttpClientLoggingAt(HttpTransportOptions.builder(), "http://localhost:" + wm.getPort());
            wire = log.text();
        }

        assertThat(wire).isEmpty();
        wm.verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_secret=" + CLIENT_SECRET)));
    }

    @Test
    void aRequestCopiedForAProxyStillPrintsItsCredentialsMasked() throws Exception {
        // .invalid never resolves: the request reaches WireMock only as a proxy, rewritten to an absolute URI
        String text = sendWithHttpClientLoggingAt(HttpTransportOptions.builder().proxy("localhost", wm.getPort()),
                "http://api.vendor.invalid");

        assertThat(text).contains(">> Authorization: Bearer xxxxxx").doesNotContain("SECRET");
        wm.verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    /** Sends one request with credentials in headers and body; returns every line HttpClient logged. */
    private String sendWithHttpClientLoggingAt(HttpTransportOptions.Builder options, String baseUrl)
            throws Exception {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("{\"token_type\":\"bearer\"}")));
        transport = new HttpTransport(options.build());
        transport.start();
        try (CapturedLog log = CapturedLog.named("org.apache.hc", Level.TRACE)) {
            SaasHttpResponse response = transport.send(SaasHttpRequest.builder("POST",
                            URI.create(baseUrl + "/oauth/token"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("X-Api-Key", API_KEY)
                    .header("X-Request-Tag", "tag-1")
                    .body(("grant_type=client_credentials&client_secret=" + CLIENT_SECRET).getBytes(UTF_8),
                            "application/x-www-form-urlencoded")
                    .build()).get(10, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(log.lines()).as("HttpClient logged at TRACE").isNotEmpty();
            return log.text();
        }
    }
}
