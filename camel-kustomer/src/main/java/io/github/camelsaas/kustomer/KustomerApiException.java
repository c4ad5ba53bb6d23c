package io.github.camelsaas.kustomer;

import io.github.camelsaas.common.failure.VendorApiException;
import io.github.camelsaas.kustomer.api.KustomerError;
import io.github.camelsaas.kustomer.api.KustomerRequest;

/**
 * Kustomer refused a call that is not about records (a get, a lookup, a delete, a list, the token check): the
 * status, Kustomer's error code and title, and the call as method and path template. Never holds the API key, ids,
 * emails or bodies.
 */
public class KustomerApiException extends VendorApiException {

    private static final long serialVersionUID = 1L;

    private final String title;
    private final String call;

    KustomerApiException(String message, int status, String code, String title, String call, Throwable cause) {
        super(message, status, code, cause);
        this.title = title;
        this.call = call;
    }

    public static KustomerApiException of(KustomerRequest request, KustomerError error) {
        if (error.status() == 401) {
            return KustomerAuthenticationException.of(request, error);
        }
        return new KustomerApiException("Kustomer answered " + error.status()
                + (error.code() == null ? "" : " " + error.code()) + " to " + request.describe() + ": "
                + error.describe(), error.status(), error.code(), error.title(), request.describe(), null);
    }

    /** Kustomer's error title. */
    public String getTitle() {
        return title;
    }

    /** The call, as method and path template, e.g. {@code GET /v1/klasses/order/{id}}. */
    public String getCall() {
        return call;
    }
}
