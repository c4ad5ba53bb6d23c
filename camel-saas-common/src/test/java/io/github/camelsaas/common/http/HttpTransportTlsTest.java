package io.github.camelsaas.common.http;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelsaas.common.testsupport.TrustEverything;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** TLS through Camel's SSLContextParameters, against WireMock's self-signed HTTPS endpoint. */
class HttpTransportTlsTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    private final CamelContext camelContext = new DefaultCamelContext();
    private HttpTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    private URI httpsUri(String path) {
        return URI.create("https://localhost:" + wm.getHttpsPort() + path);
    }

    @Test
    void untrustedCertificateIsATlsConnectFailure() {
        transport = new HttpTransport(HttpTransportOptions.defaults());
        transport.start();

        CompletableFuture<SaasHttpResponse> future = transport.send(SaasHttpRequest.get(httpsUri("/v1/secure")));

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOfSatisfying(HttpTransportException.class, failure -> {
            assertThat(failure.isConnectFailure()).as("nothing was sent before the handshake failed").isTrue();
            assertThat(failure.getMessage()).startsWith("GET /v1/secure failed: TLS handshake failed");
        });
    }

    @Test
    void sslContextParametersAreUsed() throws Exception {
        wm.stubFor(get("/v1/secure").willReturn(okJson("{\"tls\":true}")));
        SSLContextParameters tls = TrustEverything.sslContextParameters();
        transport = new HttpTransport(HttpTransportOptions.builder().sslContextParameters(tls, camelContext).build());
        transport.start();

        SaasHttpResponse response = transport.send(SaasHttpRequest.get(httpsUri("/v1/secure")))
                .get(10, TimeUnit.SECONDS);

        assertThat(response.bodyAsString()).isEqualTo("{\"tls\":true}");
    }
}
