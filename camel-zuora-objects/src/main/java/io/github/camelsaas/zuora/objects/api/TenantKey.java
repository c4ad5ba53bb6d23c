package io.github.camelsaas.zuora.objects.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who a call acts for: the base URL and the credentials. Endpoints with equal keys share one token, one
 * concurrency cap and one rate limiter. The credentials enter only as a SHA-256 digest, so a key can be logged:
 * {@link #label()} reads like {@code rest.sandbox.na.zuora.com#3f9a02c1}.
 *
 * @param baseUrl          the REST base URL
 * @param credentialDigest hex SHA-256 of the client id and secret, or of the fixed access token
 */
public record TenantKey(String baseUrl, String credentialDigest) {

    public static TenantKey ofClient(String baseUrl, String clientId, String clientSecret) {
        return new TenantKey(baseUrl, digest("client\n" + clientId + "\n" + clientSecret));
    }

    public static TenantKey ofToken(String baseUrl, String accessToken) {
        return new TenantKey(baseUrl, digest("token\n" + accessToken));
    }

    /** A name for logs and limiter keys that reveals no credential. */
    public String label() {
        String host = URI.create(baseUrl).getHost();
        return host + "#" + credentialDigest.substring(0, 8);
    }

    @Override
    public String toString() {
        return "TenantKey[" + label() + "]";
    }

    private static String digest(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
