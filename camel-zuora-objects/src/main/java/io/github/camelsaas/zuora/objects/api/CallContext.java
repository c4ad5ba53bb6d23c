package io.github.camelsaas.zuora.objects.api;

import io.github.camelsaas.common.component.ExchangeCalls;
import io.github.camelsaas.common.http.SaasHttpResponse;

/**
 * What one message's calls share and report: the track id they send, and what the producer writes back as
 * headers (calls made, the last Zuora-Request-Id, the echoed track id). Thread-safe: a message's calls run
 * concurrently.
 */
public final class CallContext extends ExchangeCalls {

    private final String trackId;
    private volatile String lastRequestId;
    private volatile String echoedTrackId;

    /** @param trackId the Zuora-Track-Id to send, already validated, or null */
    public CallContext(String trackId) {
        this.trackId = trackId;
    }

    public String trackId() {
        return trackId;
    }

    /** Remembers what an answer says about the call. */
    void answered(SaasHttpResponse response) {
        String requestId = response.header(ZuoraHeaders.REQUEST_ID);
        if (requestId != null) {
            lastRequestId = requestId;
        }
        String echoed = response.header(ZuoraHeaders.TRACK_ID);
        if (echoed != null) {
            echoedTrackId = echoed;
        }
    }

    /** Takes over what another context counted (a coalesced batch's calls, reported on each of its messages). */
    public void absorb(CallContext other) {
        super.absorb(other);
        if (other.lastRequestId != null) {
            lastRequestId = other.lastRequestId;
        }
        if (other.echoedTrackId != null) {
            echoedTrackId = other.echoedTrackId;
        }
    }

    /** The Zuora-Request-Id of the last answer, or null. */
    public String lastRequestId() {
        return lastRequestId;
    }

    /** The Zuora-Track-Id Zuora echoed, or null. */
    public String echoedTrackId() {
        return echoedTrackId;
    }
}
