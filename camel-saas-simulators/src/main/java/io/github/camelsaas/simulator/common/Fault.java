package io.github.camelsaas.simulator.common;

import java.time.Duration;
import java.util.Map;

/** Something a simulator does instead of (or before) answering normally; see {@link FaultInjector}. */
public sealed interface Fault {

    /** Answer this status, body and headers instead of the normal answer. */
    record Status(int status, String body, Map<String, String> headers) implements Fault {
        public Status {
            headers = Map.copyOf(headers);
        }
    }

    /** Handle the request normally but send the answer only after this delay. */
    record Delay(Duration delay) implements Fault {
    }

    /** Reset the connection without an answer. */
    record ConnectionReset() implements Fault {
    }

    static Fault status(int status) {
        return new Status(status, "", Map.of());
    }

    static Fault status(int status, String body) {
        return new Status(status, body, Map.of("Content-Type", "application/json"));
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    static Fault connectionReset() {
        return new ConnectionReset();
    }
}
