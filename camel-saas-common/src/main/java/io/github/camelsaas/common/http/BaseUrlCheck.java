package io.github.camelsaas.common.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one check both components make of a base URL before anything is sent to it: an absolute http or https URL
 * with a host and an optional path, without query, fragment or user info (a credential: never echoed), and plain
 * http only to this machine unless {@code allowInsecureHttp} ({@link PlainHttpGuard}).
 */
public final class BaseUrlCheck {

    private BaseUrlCheck() {
    }

    /**
     * @param example a valid base URL of the vendor, named in the error
     * @return the URL without a trailing slash
     * @throws IllegalArgumentException saying what is wrong, never quoting user info
     */
    public static String require(String baseUrl, boolean allowInsecureHttp, String example) {
        String trimmed = baseUrl.strip();
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid baseUrl: " + e.getReason() + "; use an http or https URL such "
                    + "as " + example, e);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Invalid baseUrl " + safe(uri) + ": it must not carry user info "
                    + "(credentials go in their own options)");
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Invalid baseUrl " + safe(uri) + ": use an absolute http or https URL "
                    + "with a host and an optional path, without query, fragment or user info, such as " + example);
        }
        PlainHttpGuard.check(uri, allowInsecureHttp);
        return trimmed;
    }

    /** The URL without user info, which could be a credential. */
    private static String safe(URI uri) {
        return "'" + uri.getScheme() + "://" + (uri.getHost() == null ? "" : uri.getHost())
               + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath())
               + "'";
    }
}
