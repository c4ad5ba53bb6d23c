package io.github.camelsaas.kustomer;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

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

    /**
     * An executor that runs a task on {@code workers}, or right here once they refuse work (the component is
     * stopping): an exchange must be completed even then.
     */
    static Executor orInline(Executor workers) {
        return task -> {
            try {
                workers.execute(task);
            } catch (RejectedExecutionException stopping) {
                task.run();
            }
        };
    }
}
