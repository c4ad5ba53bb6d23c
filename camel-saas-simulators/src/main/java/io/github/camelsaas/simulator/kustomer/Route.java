package io.github.camelsaas.simulator.kustomer;

import io.github.camelsaas.simulator.common.SimResponse;

/** One endpoint: method, path template, the role it needs (null: any valid key) and what answers it. */
record Route(String method, PathTemplate path, Permission permission, Handler handler) {

    @FunctionalInterface
    interface Handler {
        SimResponse handle(Call call);
    }

    /** The name used in request statistics, e.g. {@code POST /v1/klasses/{name}}. */
    String name() {
        return method + " " + path.template();
    }
}
