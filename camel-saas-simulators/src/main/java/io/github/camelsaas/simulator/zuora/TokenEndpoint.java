package io.github.camelsaas.simulator.zuora;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsaas.simulator.common.SimRequest;
import io.github.camelsaas.simulator.common.SimResponse;

/** {@code POST /oauth/token}: the client credentials grant. */
final class TokenEndpoint {

    private final TokenRegistry tokens;

    TokenEndpoint(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    SimResponse createToken(SimRequest request) {
        String clientId = request.formParameter("client_id");
        String clientSecret = request.formParameter("client_secret");
        String grantType = request.formParameter("grant_type");
        if (clientId == null || clientSecret == null || grantType == null) {
            return ZuoraResponses.oauthError(400, "invalid_request",
                    "client_id, client_secret and grant_type are required (application/x-www-form-urlencoded)");
        }
        if (!grantType.equals("client_credentials")) {
            return ZuoraResponses.oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        return tokens.issue(clientId, clientSecret)
                .map(TokenEndpoint::answer)
                .orElseGet(() -> ZuoraResponses.oauthError(401, "invalid_client", "Invalid client id or secret"));
    }

    private static SimResponse answer(TokenRegistry.IssuedToken token) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", token.accessToken());
        body.put("token_type", "bearer");
        // whole seconds strictly inside the lifetime: 3599 for Zuora's one-hour tokens, as its answers show
        body.put("expires_in", Math.max(0, (token.lifetime().toMillis() - 1) / 1000));
        body.put("scope", "user." + token.caller().userId() + " tenant." + token.caller().tenantId());
        body.put("jti", token.jti());
        return ZuoraResponses.json(200, body);
    }
}
