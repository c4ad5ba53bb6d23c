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

    /**
     * Called when an attempt that was granted {@code permits} ends without an answer: never sent, or failed on the
     * way (no connection, a reset, a timeout). For feedback that counts this JVM's calls in flight.
     */
    default void onNoAnswer(List<Permit> permits) {
    }

    RateLimitFeedback NONE = (response, permits) -> {
    };
}
