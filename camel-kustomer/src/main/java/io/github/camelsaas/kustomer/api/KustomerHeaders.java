package io.github.camelsaas.kustomer.api;

import io.github.camelsaas.common.call.RetryRules;

/** The names Kustomer gives its headers, in one place. */
public final class KustomerHeaders {

    public static final String RATE_LIMIT_LIMIT = "x-ratelimit-limit";
    public static final String RATE_LIMIT_REMAINING = "x-ratelimit-remaining";
    /** Epoch seconds at which the window frees up. */
    public static final String RATE_LIMIT_RESET = "x-ratelimit-reset";

    /** The retry rules, reading Kustomer's reset header. */
    public static final RetryRules RETRY_RULES = RetryRules.withResetHeader(RATE_LIMIT_RESET);

    private KustomerHeaders() {
    }
}
