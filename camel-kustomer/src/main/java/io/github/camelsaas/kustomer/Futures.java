package io.github.camelsaas.kustomer;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for the futures the producer chains. */
final class Futures {

    private Futures() {
    }

    /** The failure itself, without the CompletionException wrappers that dependent stages add. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
