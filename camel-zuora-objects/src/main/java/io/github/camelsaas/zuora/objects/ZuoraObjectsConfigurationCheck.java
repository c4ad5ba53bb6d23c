package io.github.camelsaas.zuora.objects;

import java.util.Arrays;

import io.github.camelsaas.common.http.BaseUrlCheck;
import io.github.camelsaas.common.http.TransportSettings;

import io.github.camelsaas.zuora.objects.api.TrackIds;

/**
 * Validates an endpoint's options when the endpoint is created, so a mistake fails the route at startup with a
 * message naming the option and what it accepts, rather than the first message at run time.
 */
final class ZuoraObjectsConfigurationCheck {

    private ZuoraObjectsConfigurationCheck() {
    }

    /** @throws IllegalArgumentException naming the first option that is wrong */
    static void validate(ZuoraObjectsConfiguration configuration) {
        configuration.operation();
        configuration.emptyStrings();
        checkBaseUrl(configuration);
        checkCredentials(configuration);
        between("batchSize", configuration.getBatchSize(), 1, ZuoraLimits.MAX_RECORDS_PER_CALL);
        between("pageSize", configuration.getPageSize(), 1, ZuoraLimits.MAX_PAGE_SIZE);
        atLeast("maxRecords", configuration.getMaxRecords(), 0);
        atLeast("maxConcurrentRequests", configuration.getMaxConcurrentRequests(), 1);
        atLeast("requestsPerMinute", configuration.getRequestsPerMinute(), 0);
        atLeast("maxRetries", configuration.getMaxRetries(), 0);
        positive("rateLimitWindow", configuration.getRateLimitWindow());
        positive("connectTimeout", configuration.getConnectTimeout());
        positive("responseTimeout", configuration.getResponseTimeout());
        atLeast("batchWindow", configuration.getBatchWindow(), 0);
        atLeast("tokenRefreshMargin", configuration.getTokenRefreshMargin(), 0);
        if (configuration.getTrackId() != null) {
            TrackIds.require(configuration.getTrackId(), "option trackId");
        }
        singleLine("entityIds", configuration.getEntityIds());
        singleLine("orgIds", configuration.getOrgIds());
        singleLine("zuoraVersion", configuration.getZuoraVersion());
        checkProxy(configuration);
    }

    private static void checkBaseUrl(ZuoraObjectsConfiguration configuration) {
        if (configuration.getEnvironment() == null) {
            throw new IllegalArgumentException("Option environment must be set: use one of "
                    + Arrays.toString(ZuoraEnvironment.values()));
        }
        BaseUrlCheck.require(configuration.effectiveBaseUrl(), configuration.isAllowInsecureHttp(),
                "https://rest.sandbox.na.zuora.com");
    }

    private static void checkCredentials(ZuoraObjectsConfiguration configuration) {
        boolean clientId = notBlank(configuration.getClientId());
        boolean clientSecret = notBlank(configuration.getClientSecret());
        if (configuration.usesFixedToken()) {
            if (clientId || clientSecret) {
                throw new IllegalArgumentException("Set either accessToken, or clientId and clientSecret, not both");
            }
            return;
        }
        if (!clientId && !clientSecret) {
            throw new IllegalArgumentException("No credentials: set clientId and clientSecret (OAuth client "
                    + "credentials), or accessToken (a fixed bearer token)");
        }
        if (!clientId || !clientSecret) {
            throw new IllegalArgumentException("Option " + (clientId ? "clientSecret" : "clientId")
                    + " is missing: OAuth needs both clientId and clientSecret");
        }
    }

    private static void checkProxy(ZuoraObjectsConfiguration configuration) {
        TransportSettings.checkProxy(configuration.getProxyProtocol(), configuration.getProxyHost(),
                configuration.getProxyPort());
    }

    private static void singleLine(String option, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("Invalid " + option + ": it contains a control character at "
                        + "position " + i + "; header values are a single line of text");
            }
        }
    }

    private static void between(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": use " + min + " to " + max);
        }
    }

    private static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": use " + min + " or more");
        }
    }

    private static void positive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + millis + " ms: use a positive duration");
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
