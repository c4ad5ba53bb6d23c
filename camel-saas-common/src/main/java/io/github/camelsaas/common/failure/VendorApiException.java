package io.github.camelsaas.common.failure;

import org.apache.camel.RuntimeCamelException;

/**
 * The vendor refused a call, or a call could not be made: what both components' API exceptions have in common, so
 * that one mapping ({@link CallFailures}) turns any of them into a record's failure. The message never holds a
 * credential or a record body.
 */
public class VendorApiException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final Integer httpStatus;
    private final String code;

    /**
     * @param httpStatus the answer's status, or null when there was no answer
     * @param code       the vendor's error code, or null
     */
    protected VendorApiException(String message, Integer httpStatus, String code, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** The HTTP status of the vendor's answer, or null when no answer arrived. */
    public Integer getHttpStatus() {
        return httpStatus;
    }

    /** The vendor's error code, or null. */
    public String getCode() {
        return code;
    }

    /**
     * Whether the call was never sent, for a passing reason (no token could be had because the token endpoint was
     * unreachable, say): sending it later may succeed.
     */
    public boolean isNotSent() {
        return false;
    }
}
