package io.github.camelsaas.simulator.zuora;

import io.github.camelsaas.simulator.common.SimRequest;

/** One authenticated data call as the endpoints see it. */
record ZuoraCall(SimRequest request, String object, String id, Caller caller, String requestId) {
}
