package io.github.camelsaas.common.http;

import java.time.Duration;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTransportOptionsTest {

    @Test
    void defaults() {
        HttpTransportOptions options = HttpTransportOptions.defaults();

        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.maxConnectionsTotal()).isEqualTo(50);
        assertThat(options.maxConnectionsPerRoute()).isEqualTo(50);
        assertThat(options.proxy()).isEmpty();
        assertThat(options.sslContextParameters()).isEmpty();
        assertThat(options.compressRequests()).isTrue();
        assertThat(options.gzipThresholdBytes()).isEqualTo(1024);
        assertThat(options.userAgent()).isEqualTo("camel-saas-connectors");
    }

    @Test
    void builderAndToBuilderRoundTrip() {
        SSLContextParameters tls = new SSLContextParameters();
        HttpTransportOptions options = HttpTransportOptions.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .maxConnectionsTotal(20)
                .maxConnectionsPerRoute(10)
                .proxy("proxy.internal", 3128)
                .sslContextParameters(tls, new DefaultCamelContext())
                .compressRequests(false)
                .gzipThresholdBytes(0)
                .userAgent("kustomer-camel/1.0")
                .build();

        HttpTransportOptions copy = options.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(options);
        assertThat(copy.proxy()).hasValue(new HttpTransportOptions.Proxy("http", "proxy.internal", 3128));
        assertThat(copy.sslContextParameters()).containsSame(tls);
        assertThat(options.toString()).contains("proxy=http://proxy.internal:3128", "customTls=true");
    }

    @Test
    void invalidValuesAreNamed() {
        assertThatThrownBy(() -> HttpTransportOptions.builder().connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectTimeout must be a positive duration, got PT0S");
        assertThatThrownBy(() -> HttpTransportOptions.builder().responseTimeout(null).build())
                .hasMessage("responseTimeout must be a positive duration, got null");
        assertThatThrownBy(() -> HttpTransportOptions.builder().maxConnections(0).build())
                .hasMessage("maxConnectionsTotal must be at least 1, got 0");
        assertThatThrownBy(() -> HttpTransportOptions.builder().maxConnectionsTotal(5).maxConnectionsPerRoute(6).build())
                .hasMessage("maxConnectionsPerRoute (6) cannot exceed maxConnectionsTotal (5)");
        assertThatThrownBy(() -> HttpTransportOptions.builder().gzipThresholdBytes(-1).build())
                .hasMessage("gzipThresholdBytes must be 0 or more, got -1");
        assertThatThrownBy(() -> HttpTransportOptions.builder().sslContextParameters(new SSLContextParameters(), null)
                .build())
                .hasMessage("sslContextParameters need the CamelContext to resolve them in");
        assertThatThrownBy(() -> HttpTransportOptions.builder().userAgent("a\nb").build())
                .hasMessage("userAgent must be a non-blank single line");
        assertThatThrownBy(() -> HttpTransportOptions.builder().proxy("socks", "h", 1))
                .hasMessage("proxy scheme must be http or https, got socks");
        assertThatThrownBy(() -> HttpTransportOptions.builder().proxy("h", 0))
                .hasMessage("proxy port must be between 1 and 65535, got 0");
    }
}
