package io.github.camelsaas.common.retry;

/**
 * Decides, per attempt, whether its outcome is final. Exactly one of {@code result} and {@code failure} is set.
 * The caller owns this decision because retryability depends on the operation: a create is not blindly replayed.
 */
@FunctionalInterface
public interface RetryClassifier<T> {

    RetryDecision classify(T result, Throwable failure, int attempt);
}
