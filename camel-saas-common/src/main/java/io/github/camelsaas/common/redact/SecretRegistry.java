package io.github.camelsaas.common.redact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values a component knows (API keys, client secrets, current access tokens), so that any text about
 * to become user-visible can be scrubbed of them wherever they appear.
 *
 * <p>This complements {@link Redaction}: a server that echoes a credential inside an error message, or a library
 * exception that quotes a URL, puts the value where no name-based rule looks. Values shorter than
 * {@link #MIN_SECRET_LENGTH} are ignored, because masking every occurrence of a two-letter string would mangle
 * ordinary text while protecting nothing a real credential needs.
 *
 * <p>Thread-safe. Reads ({@link #redact(String)}) take no lock: they work on an immutable snapshot that
 * registration replaces.
 */
public final class SecretRegistry {

    /** Shorter values are not registered. */
    public static final int MIN_SECRET_LENGTH = 6;

    private final Object lock = new Object();
    private final Set<String> secrets = new LinkedHashSet<>();
    /** Longest first, so a secret that contains another registered one is masked whole, not in pieces. */
    private volatile List<String> longestFirst = List.of();

    /**
     * Registers a secret value. Also registers its URL-encoded form when that differs, since credentials are
     * often sent in form bodies or query strings and echoed back in that form.
     *
     * @param secret the value; null, blank and too short values are ignored
     */
    public void register(String secret) {
        if (!isMaskable(secret)) {
            return;
        }
        synchronized (lock) {
            boolean changed = secrets.add(secret);
            changed |= secrets.add(urlEncoded(secret));
            if (changed) {
                publish();
            }
        }
    }

    /**
     * Forgets a secret value and its URL-encoded form, for example an access token that was replaced, so a
     * long-running registry does not grow with every token refresh.
     */
    public void unregister(String secret) {
        if (secret == null) {
            return;
        }
        synchronized (lock) {
            boolean changed = secrets.remove(secret);
            changed |= secrets.remove(urlEncoded(secret));
            if (changed) {
                publish();
            }
        }
    }

    /**
     * Replaces every occurrence of every registered secret with {@link Redaction#MASK}.
     *
     * @param  text any text, may be null
     * @return      the scrubbed text; null for null
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String secret : longestFirst) {
            redacted = redacted.replace(secret, Redaction.MASK);
        }
        return redacted;
    }

    /** Number of distinct values held, URL-encoded variants included. */
    public int size() {
        return longestFirst.size();
    }

    @Override
    public String toString() {
        // never the values themselves
        return "SecretRegistry[" + size() + " values]";
    }

    private void publish() {
        List<String> sorted = new ArrayList<>(secrets);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        longestFirst = List.copyOf(sorted);
    }

    private static boolean isMaskable(String secret) {
        return secret != null && !secret.isBlank() && secret.strip().length() >= MIN_SECRET_LENGTH;
    }

    private static String urlEncoded(String secret) {
        return URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }
}
