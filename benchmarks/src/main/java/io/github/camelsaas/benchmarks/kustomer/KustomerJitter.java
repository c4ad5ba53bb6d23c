package io.github.camelsaas.benchmarks.kustomer;

/**
 * What scenario 2's jittered variants (2c, 2d) add to 2a and 2b: every call is held for a random delay, uniform in
 * [0, {@code maxDelayMillis}] ms and seeded per run, on its way to the simulator (the latency a real network and
 * vendor front end add between a client's permit and the server's count), and the client may have {@code inFlight}
 * calls out at once, since with a round trip of about {@code maxDelayMillis / 2} the defaults (4 calls for
 * {@code kustomer:}, one caller thread for the Throttle EIP's first window) could not reach the limits' rate.
 */
public record KustomerJitter(int maxDelayMillis, int inFlight) {

    public KustomerJitter {
        if (maxDelayMillis < 0 || inFlight < 1) {
            throw new IllegalArgumentException("need a delay of at least 0 ms and at least 1 call in flight, was "
                    + maxDelayMillis + " ms and " + inFlight);
        }
    }

    public KustomerJitter withMaxDelayMillis(int millis) {
        return new KustomerJitter(millis, inFlight);
    }

    public KustomerJitter withInFlight(int calls) {
        return new KustomerJitter(maxDelayMillis, calls);
    }
}
