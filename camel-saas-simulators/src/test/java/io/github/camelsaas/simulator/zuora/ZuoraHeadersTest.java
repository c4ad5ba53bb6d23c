package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraHeadersTest extends ZuoraSimulatorTestBase {

    @Test
    void everyAnswerCarriesItsOwnRequestId() {
        List<Reply> replies = List.of(
                client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET),
                client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, "wrong"),
                client.get("/objects/definitions/default"),
                client.get("/objects/definitions/default/Nothing"),
                client.post(RECORDS + VEHICLE, "{"),
                client.send(HttpRequest.newBuilder(client.uri("/objects/definitions/default")).GET()));

        assertThat(replies).extracting(Reply::status).containsExactly(200, 401, 200, 404, 400, 401);
        assertThat(replies).extracting(r -> UUID.fromString(r.header("Zuora-Request-Id")).toString())
                .doesNotHaveDuplicates();
    }

    @Test
    void aValidTrackIdIsEchoedAndRemembered() {
        String trackId = "t".repeat(63) + "!";

        Reply reply = client.send(client.authorized("/objects/definitions/default").header("Zuora-Track-Id", trackId));
        Reply token = client.send(HttpRequest.newBuilder(client.uri("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Zuora-Track-Id", "token-call")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=demo-client&client_secret=demo-secret"
                        + "&grant_type=client_credentials")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Zuora-Track-Id")).isEqualTo(trackId);
        assertThat(token.header("Zuora-Track-Id")).isEqualTo("token-call");
        assertThat(zuora.lastTrackId()).contains("token-call");
        assertThat(client.get("/objects/definitions/default").header("Zuora-Track-Id")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "with:colon", "with;semicolon", "with\"quote", "with'apostrophe" })
    void anInvalidTrackIdAnswers400(String trackId) {
        Reply reply = client.send(client.authorized("/objects/definitions/default").header("Zuora-Track-Id", trackId));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Zuora-Track-Id")).isNull();
        assertThat(reply.header("Zuora-Request-Id")).isNotNull();
        assertThat(zuora.lastTrackId()).isEmpty();
    }

    @Test
    void aNonAsciiTrackIdAnswers400() throws IOException {
        // the JDK client turns non-ASCII header characters into '?', so this request is written by hand (UTF-8)
        String request = "GET /objects/definitions/default HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + client.token() + "\r\nZuora-Track-Id: caf\u00e9\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", zuora.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));

            assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("Zuora-Request-Id:")
                    .doesNotContainIgnoringCase("Zuora-Track-Id:");
            assertThat(answer).contains("Invalid Zuora-Track-Id");
        }
    }

    @Test
    void aTrackIdOver64CharactersAnswers400() {
        Reply reply = client.send(client.authorized("/objects/definitions/default")
                .header("Zuora-Track-Id", "t".repeat(65)));

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void dataCallsReportTheRateLimitInZuorasFormat() {
        Reply reply = client.get("/objects/definitions/default");

        assertThat(reply.header("RateLimit-Limit")).isEqualTo("50000, 50000;w=60");
        assertThat(Integer.parseInt(reply.header("RateLimit-Remaining"))).isEqualTo(49_999);
        assertThat(Long.parseLong(reply.header("RateLimit-Reset"))).isBetween(1L, 60L);
        assertThat(Set.of(reply.status())).containsExactly(200);
    }
}
