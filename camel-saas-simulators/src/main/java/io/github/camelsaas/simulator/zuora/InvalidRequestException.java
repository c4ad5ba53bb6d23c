package io.github.camelsaas.simulator.zuora;

/** A request the simulator answers with 400 and a records error body; thrown by the endpoints, caught once. */
final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    InvalidRequestException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
