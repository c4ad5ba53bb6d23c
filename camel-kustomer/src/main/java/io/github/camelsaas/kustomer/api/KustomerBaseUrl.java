package io.github.camelsaas.kustomer.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.github.camelsaas.common.http.PlainHttpGuard;
import io.github.camelsaas.kustomer.KustomerConfiguration;

/** Where an endpoint's calls go: baseUrl if set, else the per-org host, else the region's host. */
public final class KustomerBaseUrl {

    static final String US = "https://api.kustomerapp.com";
    static final String EU = "https://api.prod2.kustomerapp.com";

    private KustomerBaseUrl() {
    }

    /** The base URL without a trailing slash; paths start with /v1. */
    public static String resolve(KustomerConfiguration configuration) {
        String baseUrl = configuration.getBaseUrl();
        if (baseUrl != null && !baseUrl.isBlank()) {
            return checked(baseUrl.trim(), configuration.isAllowInsecureHttp());
        }
        if (configuration.getOrgName() != null) {
            return "https://" + configuration.getOrgName().toLowerCase(Locale.ROOT) + ".api.kustomerapp.com";
        }
        return "eu".equalsIgnoreCase(configuration.getRegion()) ? EU : US;
    }

    /** For toString: the resolved URL, or why it cannot be resolved. */
    public static String describe(KustomerConfiguration configuration) {
        try {
            return resolve(configuration);
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }

    private static String checked(String baseUrl, boolean allowInsecureHttp) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (uri.getRawUserInfo() != null) {
                // not echoed: user info is a credential
                throw new IllegalArgumentException("baseUrl must not carry user info (credentials); the API key goes "
                        + "in the apiKey option");
            }
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    || uri.getRawQuery() != null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL without query, "
                        + "such as https://api.kustomerapp.com, was " + trimmed);
            }
            PlainHttpGuard.check(uri, allowInsecureHttp);
            if (uri.getRawPath() != null && uri.getRawPath().endsWith("/v1")) {
                throw new IllegalArgumentException("baseUrl must not end with /v1 (paths start with /v1), was "
                        + trimmed);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + e.getMessage(), e);
        }
        return trimmed;
    }
}
