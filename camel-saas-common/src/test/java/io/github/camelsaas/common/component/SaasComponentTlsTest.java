package io.github.camelsaas.common.component;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.SaasHttpRequest;
import io.github.camelsaas.common.http.TransportSettings;
import io.github.camelsaas.common.testsupport.TrustEverything;

/** useGlobalSslContextParameters: an endpoint without TLS settings of its own uses the CamelContext's, if allowed. */
class SaasComponentTlsTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
            .build();

    private final CamelContext camel = new DefaultCamelContext();

    /** The smallest component: no accounts, default connection options. */
    static final class TestComponent extends SaasComponent {
        TestComponent() {
            super("test-saas");
        }

        @Override
        protected TransportSettings componentTransportSettings() {
            return endpointSettings();
        }

        @Override
        protected void closeAccounts() {
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            throw new UnsupportedOperationException();
        }
    }

    static TransportSettings endpointSettings() {
        return TransportSettings.of(2_000, 5_000, "http", null, null, null, false, 4, "test");
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private HttpTransport transportOfAnEndpointWithoutTls(boolean useGlobal) {
        camel.setSSLContextParameters(TrustEverything.sslContextParameters());
        TestComponent component = new TestComponent();
        component.setUseGlobalSslContextParameters(useGlobal);
        camel.addComponent("test-saas", component);
        camel.start();
        return component.transportFor(endpointSettings());
    }

    @Test
    void withTheOptionOnTheCamelContextsTlsSettingsAreUsed() throws Exception {
        wm.stubFor(get("/secure").willReturn(okJson("{\"tls\":true}")));

        HttpTransport transport = transportOfAnEndpointWithoutTls(true);

        assertThat(transport.send(SaasHttpRequest.get(httpsUri())).get(10, TimeUnit.SECONDS).bodyAsString())
                .isEqualTo("{\"tls\":true}");
    }

    @Test
    void withoutItTheJvmsDefaultsAreUsedAndWireMocksCertificateIsRefused() {
        HttpTransport transport = transportOfAnEndpointWithoutTls(false);

        assertThatThrownBy(() -> transport.send(SaasHttpRequest.get(httpsUri())).get(10, TimeUnit.SECONDS))
                .hasMessageContaining("TLS handshake failed");
    }

    private static URI httpsUri() {
        return URI.create("https://localhost:" + wm.getHttpsPort() + "/secure");
    }
}
