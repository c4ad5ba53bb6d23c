package io.github.camelsaas.simulator.zuora;

/** Who a data call acts for, from its bearer token: the tenant (limits are per tenant) and the user id it writes. */
record Caller(String tenantId, String userId) {
}
