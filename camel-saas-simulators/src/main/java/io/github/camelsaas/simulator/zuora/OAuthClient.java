package io.github.camelsaas.simulator.zuora;

/** An OAuth client registered with the simulator, and the tenant and user its tokens act for. */
record OAuthClient(String clientId, String clientSecret, Caller caller) {
}
