package io.github.camelsaas.zuora.objects;

/**
 * No valid access token: the OAuth token endpoint refused the client credentials or could not be reached, or
 * Zuora refused the token on a data call again after a refresh (or a fixed access token was refused). The
 * message names neither the client secret nor any token.
 */
public class ZuoraAuthenticationException extends ZuoraApiException {

    private static final long serialVersionUID = 1L;

    private final boolean tokenUnavailable;

    public ZuoraAuthenticationException(String message, Integer httpStatus, String code, String requestId,
                                        Throwable cause) {
        this(message, httpStatus, code, requestId, cause, false);
    }

    /**
     * @param tokenUnavailable whether the OAuth token endpoint could not be reached or was temporarily unavailable
     *                         (429, 5xx) rather than refusing the credentials
     */
    public ZuoraAuthenticationException(String message, Integer httpStatus, String code, String requestId,
                                        Throwable cause, boolean tokenUnavailable) {
        super(message, httpStatus, code, requestId, cause);
        this.tokenUnavailable = tokenUnavailable;
    }

    /**
     * Whether no token could be had for a passing reason (the token endpoint unreachable, or answering 429 or 5xx):
     * the data call was not sent, and sending it later may succeed. False when the credentials or a token were
     * refused.
     */
    public boolean isTokenUnavailable() {
        return tokenUnavailable;
    }

    /** The same failure, with the outcomes of a list body's records as its cause. */
    public ZuoraAuthenticationException withCause(Throwable cause) {
        return new ZuoraAuthenticationException(getMessage(), getHttpStatus(), getCode(), getRequestId(), cause,
                tokenUnavailable);
    }

    /** No token, so the call never left: it can go again once the token endpoint is back. */
    @Override
    public boolean isNotSent() {
        return tokenUnavailable;
    }
}
