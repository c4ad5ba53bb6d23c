package io.github.camelsaas.common.redact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based masking of credentials in header maps and free text, for log lines and exception messages.
 *
 * <p>These rules recognise credentials by <em>where</em> they appear (an {@code Authorization} header, an
 * {@code access_token=} parameter, a {@code "client_secret"} JSON field). Credentials that can appear anywhere,
 * such as a secret echoed back by a server inside an error text, are the job of {@link SecretRegistry}, which
 * knows the actual values.
 */
public final class Redaction {

    /** What every masked value is replaced with. Fixed length, so a mask never reveals a secret's length. */
    public static final String MASK = "xxxxxx";

    /** Headers whose whole value is a credential; {@code Authorization} style headers keep their scheme. */
    private static final Set<String> AUTHORIZATION_HEADERS = Set.of("authorization", "proxy-authorization");
    private static final Set<String> COOKIE_HEADERS = Set.of("cookie", "set-cookie");
    private static final String[] SENSITIVE_NAME_PARTS = {"token", "secret", "key", "password"};

    /** Field names that hold credentials in form bodies, query strings and JSON documents. */
    private static final String SENSITIVE_FIELDS = "client_secret|access_token|refresh_token|password|api_?key";

    /** A bearer token is token68 (RFC 6750 section 2.1), so the match ends where the token's alphabet does. */
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9\\-._~+/]+=*");

    /** {@code name=value} in a form body or query string; the value runs to the next parameter separator. */
    private static final Pattern FORM_FIELD =
            Pattern.compile("(?i)(?<![A-Za-z0-9_])(" + SENSITIVE_FIELDS + ")=[^&\\s\"'#]*");

    /** {@code "name": "value"} in JSON, escaped quotes inside the value included. */
    private static final Pattern JSON_FIELD =
            Pattern.compile("(?i)(\"(?:" + SENSITIVE_FIELDS + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");

    /** An auth scheme is a token (RFC 9110 section 11.1); anything else is treated as a bare credential. */
    private static final Pattern AUTH_SCHEME = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+)\\s+\\S.*", Pattern.DOTALL);

    private Redaction() {
    }

    /**
     * Masks the credential of an {@code Authorization} header value and keeps its scheme, so a log still tells
     * which kind of authentication was used: {@code "Bearer abc"} becomes {@code "Bearer xxxxxx"}.
     *
     * @param  headerValue the header value, may be null
     * @return             the masked value; {@link #MASK} alone when the value has no scheme; null for null
     */
    public static String maskAuthorization(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        Matcher scheme = AUTH_SCHEME.matcher(headerValue.strip());
        return scheme.matches() ? scheme.group(1) + " " + MASK : MASK;
    }

    /**
     * Returns a copy of the headers, in the same order, with credential values masked.
     *
     * @see #redactHeaderValue(String, String)
     */
    static Map<String, String> redactHeaders(Map<String, String> headers) {
        Map<String, String> redacted = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> redacted.put(name, redactHeaderValue(name, value)));
        }
        return redacted;
    }

    /**
     * Masks one header value if its name marks it as a credential: {@code Authorization} and
     * {@code Proxy-Authorization} (scheme kept), {@code Cookie} and {@code Set-Cookie}, and any header whose name
     * contains token, secret, key or password, in any case (for example {@code X-Api-Key}). Other values are
     * returned unchanged.
     */
    public static String redactHeaderValue(String name, String value) {
        if (name == null || value == null) {
            return value;
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (AUTHORIZATION_HEADERS.contains(lowerName)) {
            return maskAuthorization(value);
        }
        if (COOKIE_HEADERS.contains(lowerName) || isSensitiveName(lowerName)) {
            return MASK;
        }
        return value;
    }

    /**
     * Masks credentials found in free text (error messages, bodies logged at TRACE): {@code Bearer <token>},
     * form or query values of {@code client_secret}, {@code access_token}, {@code refresh_token},
     * {@code password}, {@code api_key}, and the string values of the same names as JSON fields.
     *
     * @param  text any text, may be null
     * @return      the text with those values replaced by {@link #MASK}; null for null
     */
    public static String redactText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = BEARER.matcher(text).replaceAll("$1 " + MASK);
        redacted = FORM_FIELD.matcher(redacted).replaceAll("$1=" + MASK);
        return JSON_FIELD.matcher(redacted).replaceAll("$1" + MASK + "$2");
    }

    private static boolean isSensitiveName(String lowerName) {
        for (String part : SENSITIVE_NAME_PARTS) {
            if (lowerName.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
