package io.github.camelsaas.common.call;

import java.util.List;

import io.github.camelsaas.common.http.SaasHttpResponse;

/**
 * Applies what a server's answer says about its limits (a 429, a quota at zero, a stated plan limit) to the
 * limiters: which header means what, and which key to pause, is the vendor's own convention.
 */
@FunctionalInterface
public interface RateLimitFeedback {

    /** Called with every answer, before the retry decision, with the permits the call held. */
    void onResponse(SaasHttpResponse response, List<Permit> permits);

    RateLimitFeedback NONE = (response, permits) -> {
    };
}
