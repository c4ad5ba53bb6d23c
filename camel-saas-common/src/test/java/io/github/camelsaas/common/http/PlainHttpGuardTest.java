package io.github.camelsaas.common.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainHttpGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://api.kustomerapp.com", "http://127.0.0.1:8081", "http://127.10.0.3",
                             "http://localhost:9000/base", "http://LOCALHOST", "http://[::1]:8082" })
    void httpsAndLoopbackAreAllowed(String url) {
        assertThatCode(() -> PlainHttpGuard.check(URI.create(url), false)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://rest.zuora.com", "http://10.0.0.5:8080", "http://127.0.0.1.example.com",
                             "http://localhost.example.com", "http://[::2]" })
    void plainHttpElsewhereIsRefusedNamingTheOption(String url) {
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create(url), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain HTTP").hasMessageContaining("allowInsecureHttp=true");
    }

    @Test
    void theUserCanAllowItExplicitly() {
        assertThatCode(() -> PlainHttpGuard.check(URI.create("http://proxy.internal:8080"), true))
                .doesNotThrowAnyException();
    }
}
