package io.github.camelsaas.kustomer.api;

import java.util.Locale;

import io.github.camelsaas.common.http.BaseUrlCheck;
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
        String checked = BaseUrlCheck.require(baseUrl, allowInsecureHttp, US);
        if (checked.endsWith("/v1")) {
            throw new IllegalArgumentException("Invalid baseUrl: it must not end with /v1 (paths start with /v1), was "
                    + checked);
        }
        return checked;
    }
}
