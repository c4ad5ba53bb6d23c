package io.github.camelsaas.common.async;

/**
 * A wait (for a rate-limit permit, a retry, a concurrency slot) was cut short because the producer stopped. The
 * request it guarded was not sent, so the record it carried is reported as failed, never silently dropped.
 */
public class StoppedException extends IllegalStateException {

    public StoppedException(String message) {
        super(message);
    }
}
