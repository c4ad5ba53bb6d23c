package io.github.camelsaas.zuora.objects.api;

import io.github.camelsaas.common.call.RetryRules;

/** The names Zuora gives its headers, in one place. */
public final class ZuoraHeaders {

    /** Zuora's id of the request, to quote to its support. */
    public static final String REQUEST_ID = "Zuora-Request-Id";
    public static final String TRACK_ID = "Zuora-Track-Id";
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    /** Seconds until the window frees up. */
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    /** The retry rules, reading Zuora's reset header. */
    public static final RetryRules RETRY_RULES = RetryRules.withResetHeader(RATE_LIMIT_RESET);

    private ZuoraHeaders() {
    }
}
