package io.github.camelsaas.simulator.zuora;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * OAuth clients, the bearer tokens issued to them and their expiry, and static tokens accepted as they are.
 * Thread-safe.
 */
final class TokenRegistry {

    /** A token handed out by {@code POST /oauth/token}. */
    record IssuedToken(String accessToken, String jti, Caller caller, long expiresAtMillis, Duration lifetime) {
    }

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final LongSupplier clockMillis;
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Caller> staticTokens = new ConcurrentHashMap<>();
    private final LongAdder issued = new LongAdder();
    private volatile Duration lifetime = DEFAULT_LIFETIME;

    TokenRegistry(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    void register(OAuthClient client) {
        clients.put(client.clientId(), client);
    }

    void acceptStaticToken(String token, Caller caller) {
        staticTokens.put(token, caller);
    }

    void setLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, was " + lifetime);
        }
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** A new token for the client, or empty when the id or secret is wrong. */
    Optional<IssuedToken> issue(String clientId, String clientSecret) {
        OAuthClient client = clients.get(clientId);
        if (client == null || !client.clientSecret().equals(clientSecret)) {
            return Optional.empty();
        }
        Duration tokenLifetime = lifetime;
        IssuedToken token = new IssuedToken(randomHex(), randomHex(), client.caller(),
                clockMillis.getAsLong() + tokenLifetime.toMillis(), tokenLifetime);
        tokens.put(token.accessToken(), token);
        issued.increment();
        return Optional.of(token);
    }

    /** Who the bearer token acts for, or empty when it is unknown, revoked or expired. */
    Optional<Caller> authenticate(String bearerToken) {
        if (bearerToken == null) {
            return Optional.empty();
        }
        Caller fixed = staticTokens.get(bearerToken);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        IssuedToken token = tokens.get(bearerToken);
        if (token == null) {
            return Optional.empty();
        }
        if (clockMillis.getAsLong() >= token.expiresAtMillis()) {
            tokens.remove(bearerToken, token);
            return Optional.empty();
        }
        return Optional.of(token.caller());
    }

    /** Every issued token stops working (static tokens stay). */
    void revokeIssuedTokens() {
        tokens.clear();
    }

    long issuedCount() {
        return issued.sum();
    }

    void resetIssuedCount() {
        issued.reset();
    }

    /** Forgets clients, tokens and static tokens, and restores the default lifetime. */
    void clear() {
        clients.clear();
        tokens.clear();
        staticTokens.clear();
        issued.reset();
        lifetime = DEFAULT_LIFETIME;
    }

    /** Zuora's tokens and jti are 32 lowercase hex digits. */
    private static String randomHex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
