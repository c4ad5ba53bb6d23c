package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraOAuthTest extends ZuoraSimulatorTestBase {

    @Test
    void issuesABearerTokenWithTheFieldsOfZuorasAnswer() {
        Reply reply = client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode token = reply.json();
        assertThat(token.get("access_token").asText()).matches("[0-9a-f]{32}");
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3599);
        assertThat(token.get("scope").asText()).contains("tenant." + ZuoraSimulator.DEFAULT_TENANT_ID);
        assertThat(token.get("jti").asText()).matches("[0-9a-f]{32}").isNotEqualTo(token.get("access_token").asText());
        assertThat(zuora.tokensIssued()).isEqualTo(1);

        client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET);
        assertThat(zuora.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aTokenOpensTheDataCalls() {
        assertThat(client.get("/objects/definitions/default").status()).isEqualTo(200);
    }

    @Test
    void badCredentialsAnswer401AndIssueNothing() {
        Reply badSecret = client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, "wrong-secret");
        Reply unknownClient = client.requestToken("nobody", ZuoraSimulator.DEMO_CLIENT_SECRET);

        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(badSecret.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(unknownClient.status()).isEqualTo(401);
        assertThat(zuora.tokensIssued()).isZero();
    }

    @Test
    void aMalformedTokenRequestAnswers400() {
        Reply wrongGrant = client.requestToken(ZuoraTestClient.form(Map.of("client_id", ZuoraSimulator.DEMO_CLIENT_ID,
                "client_secret", ZuoraSimulator.DEMO_CLIENT_SECRET, "grant_type", "password")));
        Reply missingSecret = client.requestToken(ZuoraTestClient.form(Map.of("client_id",
                ZuoraSimulator.DEMO_CLIENT_ID, "grant_type", "client_credentials")));

        assertThat(wrongGrant.status()).isEqualTo(400);
        assertThat(wrongGrant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(missingSecret.status()).isEqualTo(400);
        assertThat(zuora.tokensIssued()).isZero();
    }

    @Test
    void registeredClientsGetTokens() {
        zuora.registerClient("acme-client", "acme-secret", "acme-tenant");

        Reply reply = client.requestToken("acme-client", "acme-secret");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("scope").asText()).contains("tenant.acme-tenant");
    }

    @Test
    void dataCallsWithoutAValidTokenAnswer401InTheSpecShape() {
        Reply missing = client.send(HttpRequest.newBuilder(client.uri("/objects/definitions/default")).GET());
        Reply unknown = client.send(HttpRequest.newBuilder(client.uri("/objects/definitions/default"))
                .header("Authorization", "Bearer 0123456789abcdef0123456789abcdef").GET());
        Reply basic = client.send(HttpRequest.newBuilder(client.uri("/objects/definitions/default"))
                .header("Authorization", "Basic ZGVtbzpkZW1v").GET());

        for (Reply reply : new Reply[] { missing, unknown, basic }) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("code").asInt()).isEqualTo(ZuoraErrorCodes.AUTHENTICATION_FAILED);
            assertThat(reply.json().get("message").asText()).isNotBlank();
            assertThat(reply.json().get("details").get(0).get("message").asText()).isNotBlank();
        }
    }

    @Test
    void aTokenOlderThanItsLifetimeAnswers401() {
        zuora.setTokenLifetime(Duration.ofMillis(1100));
        Reply tokenReply = client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET);
        String token = tokenReply.json().get("access_token").asText();
        assertThat(tokenReply.json().get("expires_in").asLong()).isEqualTo(1);

        assertThat(callWith(token)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> callWith(token) == 401);
        // a fresh token of the same client works again
        assertThat(callWith(client.token())).isEqualTo(200);
    }

    @Test
    void staticTokensWorkAndSurviveRevocationOfIssuedOnes() {
        zuora.acceptStaticToken("fixed-token-for-tests");
        String issued = client.token();
        assertThat(callWith("fixed-token-for-tests")).isEqualTo(200);
        assertThat(callWith(issued)).isEqualTo(200);

        zuora.revokeIssuedTokens();

        assertThat(callWith(issued)).isEqualTo(401);
        assertThat(callWith("fixed-token-for-tests")).isEqualTo(200);
    }

    @Test
    void resetKeepsClientsAndTokensButZeroesTheCount() {
        String token = client.token();
        zuora.reset();

        assertThat(zuora.tokensIssued()).isZero();
        assertThat(callWith(token)).isEqualTo(200);
        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).containsExactly(VEHICLE);
    }

    private int callWith(String token) {
        return client.send(HttpRequest.newBuilder(client.uri("/objects/definitions/default"))
                .header("Authorization", "Bearer " + token).GET()).status();
    }
}
