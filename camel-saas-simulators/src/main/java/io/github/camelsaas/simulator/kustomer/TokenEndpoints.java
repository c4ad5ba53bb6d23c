package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * The token checks integrators call to test a key: {@code GET /v1/users/current} and
 * {@code GET /v1/auth/tokens/current}. Neither is in the trimmed spec, so their shapes are the simulator's own
 * minimal JSON:API reading (the key's machine user, its roles, the org).
 */
final class TokenEndpoints {

    private final EndpointSupport support;

    TokenEndpoints(EndpointSupport support) {
        this.support = support;
    }

    void register(RouteTable routes) {
        routes.add("GET", "/v1/users/current", null, this::currentUser)
                .add("GET", "/v1/auth/tokens/current", null, this::currentToken);
    }

    private SimResponse currentUser(Call call) {
        ApiKeys.ApiKey key = call.key();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "API key user");
        attributes.put("userType", "machine");
        attributes.put("roles", roles(key));
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", support.renderer.org());
        return SimResponse.json(200, JsonApi.document(JsonApi.resource("user", key.userId(), attributes, relationships,
                JsonApi.self("/v1/users/" + key.userId()))));
    }

    private SimResponse currentToken(Call call) {
        ApiKeys.ApiKey key = call.key();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("roles", roles(key));
        attributes.put("type", "api");
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("org", support.renderer.org());
        relationships.put("user", ResourceRenderer.user(key.userId()));
        return SimResponse.json(200, JsonApi.document(JsonApi.resource("token", key.tokenId(), attributes,
                relationships, JsonApi.self("/v1/auth/tokens/" + key.tokenId()))));
    }

    private static List<String> roles(ApiKeys.ApiKey key) {
        return key.fullAccess() ? List.of("org.admin", "org.user") : new ArrayList<>(key.roles());
    }
}
