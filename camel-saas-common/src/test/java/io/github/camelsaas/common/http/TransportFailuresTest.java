package io.github.camelsaas.common.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.redact.SecretRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class TransportFailuresTest {

    private final SecretRegistry secrets = new SecretRegistry();
    private final TransportFailures failures = new TransportFailures(secrets, Duration.ofSeconds(60));
    private final SaasHttpRequest request =
            SaasHttpRequest.post(URI.create("https://api.example.com/v1/objects?access_token=q1"), new byte[1],
                    "application/json");

    private HttpTransportException classify(Throwable failure) {
        return failures.classify(request, failure);
    }

    @Test
    void failuresBeforeAnythingIsSentAreConnectFailures() {
        assertThat(classify(new HttpHostConnectException("Connection refused")))
                .returns(true, HttpTransportException::isConnectFailure)
                .returns(false, HttpTransportException::isTimeout);
        assertThat(classify(new ConnectException("refused")).isConnectFailure()).isTrue();
        assertThat(classify(new NoRouteToHostException("no route")).isConnectFailure()).isTrue();
        assertThat(classify(new UnknownHostException("api.example.com")).getMessage())
                .startsWith("POST /v1/objects failed: unknown host");
        assertThat(classify(new SSLHandshakeException("PKIX path building failed")).getMessage())
                .startsWith("POST /v1/objects failed: TLS handshake failed");
        assertThat(classify(new RequestNotExecutedException()).isConnectFailure()).isTrue();
    }

    @Test
    void timeoutsBeforeSendingAreConnectFailuresToo() {
        HttpTransportException connectTimeout = classify(new ConnectTimeoutException("Connect timed out"));
        assertThat(connectTimeout.isConnectFailure()).isTrue();
        assertThat(connectTimeout.isTimeout()).isTrue();
        assertThat(connectTimeout.getMessage()).contains("connect timed out");

        assertThat(classify(new ConnectionRequestTimeoutException("lease")))
                .returns(true, HttpTransportException::isConnectFailure)
                .returns(true, HttpTransportException::isTimeout);
        assertThat(classify(new TimeoutException("lease deadline")).isConnectFailure()).isTrue();
    }

    @Test
    void responseTimeoutMayHaveReachedTheServer() {
        HttpTransportException timeout = classify(new SocketTimeoutException("60000 MILLISECONDS"));

        assertThat(timeout.isConnectFailure()).isFalse();
        assertThat(timeout.isTimeout()).isTrue();
        assertThat(timeout.getMessage()).startsWith("POST /v1/objects failed: no response within 60000 ms");
    }

    @Test
    void brokenConnectionsMayHaveReachedTheServer() {
        for (IOException broken : new IOException[] {
                new SocketException("Connection reset"), new ConnectionClosedException(),
                new NoHttpResponseException("no response"), new SSLException("bad record MAC"),
                new IOException("unknown")}) {
            HttpTransportException failure = classify(broken);
            assertThat(failure.isConnectFailure()).as(broken.toString()).isFalse();
            assertThat(failure.isTimeout()).as(broken.toString()).isFalse();
            assertThat(failure.getCause()).isSameAs(broken);
        }
    }

    @Test
    void wrappersAreUnwrappedAndTheCauseChainSearched() {
        ConnectException refused = new ConnectException("refused");

        HttpTransportException failure = classify(new CompletionException(new ExecutionException(refused)));
        assertThat(failure.isConnectFailure()).isTrue();
        assertThat(failure.getCause()).isSameAs(refused);

        assertThat(classify(new IOException("wrapped", new UnknownHostException("h"))).isConnectFailure()).isTrue();
    }

    @Test
    void messageNamesMethodAndPathButNoQueryAndMasksSecrets() {
        secrets.register("k-0123456789");

        HttpTransportException failure = classify(new SocketException(
                "reset while sending Authorization: Bearer abc.def to /v1/objects?access_token=q1 key k-0123456789"));

        assertThat(failure.method()).isEqualTo("POST");
        assertThat(failure.path()).isEqualTo("/v1/objects");
        assertThat(failure.getMessage())
                .startsWith("POST /v1/objects failed: I/O failure")
                .contains("SocketException: reset while sending Authorization: Bearer xxxxxx")
                .contains("access_token=xxxxxx", "key xxxxxx")
                .doesNotContain("abc.def", "=q1", "k-0123456789");
    }

    @Test
    void cancelledIsNotAConnectFailure() {
        HttpTransportException cancelled = failures.cancelled(request);

        assertThat(cancelled.isConnectFailure()).isFalse();
        assertThat(cancelled.getMessage()).isEqualTo("POST /v1/objects failed: request cancelled, the transport is closing");
    }
}
