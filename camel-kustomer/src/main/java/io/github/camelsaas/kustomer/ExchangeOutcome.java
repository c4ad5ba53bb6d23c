package io.github.camelsaas.kustomer;

import java.util.HashMap;
import java.util.Map;

/** What a successful operation puts on the message: the body and headers to set (a null header value removes it). */
record ExchangeOutcome(Object body, Map<String, Object> headers) {

    static ExchangeOutcome of(Object body) {
        return new ExchangeOutcome(body, new HashMap<>());
    }

    ExchangeOutcome header(String name, Object value) {
        headers.put(name, value);
        return this;
    }
}
