package io.github.camelsaas.zuora.objects;

/**
 * No valid access token: the OAuth token endpoint refused the client credentials or could not be reached, or
 * Zuora refused the token on a data call again after a refresh (or a fixed access token was refused). The
 * message names neither the client secret nor any token.
 */
public class ZuoraAuthenticationException extends ZuoraApiException {

    private static final long serialVersionUID = 1L;

    public ZuoraAuthenticationException(String message, Integer httpStatus, String code, String requestId,
                                        Throwable cause) {
        super(message, httpStatus, code, requestId, cause);
    }
}
