package io.github.camelsaas.zuora.objects;

import io.github.camelsaas.common.failure.VendorApiException;

/**
 * Zuora answered a call with an error, or the call got no answer. Carries the HTTP status, Zuora's error code and
 * the {@code Zuora-Request-Id} when there was an answer. The message never holds a credential or a record body.
 */
public class ZuoraApiException extends VendorApiException {

    private static final long serialVersionUID = 1L;

    private final String requestId;

    /**
     * @param message    what happened, free of credentials
     * @param httpStatus the answer's status, or null when there was no answer
     * @param code       Zuora's error code, or null
     * @param requestId  the answer's Zuora-Request-Id, or null
     */
    public ZuoraApiException(String message, Integer httpStatus, String code, String requestId, Throwable cause) {
        super(message, httpStatus, code, cause);
        this.requestId = requestId;
    }

    /** The Zuora-Request-Id of the answer, to quote to Zuora support, or null. */
    public String getRequestId() {
        return requestId;
    }
}
