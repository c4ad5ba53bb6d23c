package io.github.camelsaas.simulator.kustomer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The org's API keys: which bearer tokens are accepted, and with which roles. Thread-safe. */
final class ApiKeys {

    /** One key; {@code fullAccess} keys pass every role check (what the demo key and {@code registerApiKey(key)} give). */
    record ApiKey(String token, String userId, String tokenId, boolean fullAccess, Set<String> roles) {

        boolean permits(Permission permission, String klass) {
            return permission == null || fullAccess || permission.grantedBy(roles, klass);
        }
    }

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    void registerFullAccess(String token) {
        keys.put(token, new ApiKey(token, ObjectIds.next(), ObjectIds.next(), true, Set.of()));
    }

    void register(String token, Set<String> roles) {
        keys.put(token, new ApiKey(token, ObjectIds.next(), ObjectIds.next(), false, Set.copyOf(roles)));
    }

    void revoke(String token) {
        keys.remove(token);
    }

    void clear() {
        keys.clear();
    }

    /** The key named by an {@code Authorization: Bearer <key>} header, or null when absent, malformed or unknown. */
    ApiKey authenticate(String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String header = authorizationHeader.trim();
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return keys.get(header.substring(7).trim());
    }
}
