package io.github.camelsaas.simulator.zuora;

/** Why one record was rejected: a {@link ZuoraErrorCodes} code and a message naming the field. */
record RecordError(int code, String message) {
}
