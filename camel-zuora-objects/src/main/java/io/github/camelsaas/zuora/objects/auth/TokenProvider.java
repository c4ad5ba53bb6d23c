package io.github.camelsaas.zuora.objects.auth;

import java.util.concurrent.CompletableFuture;

/** Hands out the bearer token for data calls. Thread-safe. */
public interface TokenProvider extends AutoCloseable {

    /** Completes with a token that is fresh now; never a token per call: cached and shared. */
    CompletableFuture<AccessToken> token();

    /**
     * Zuora answered 401 to a call made with {@code refused}: forget it (if it is still the cached one) so the
     * next {@link #token()} fetches a new one. Concurrent callers refused with the same token cause one fetch.
     *
     * @return whether a new token can be obtained (false for a fixed access token, which then fails the call)
     */
    boolean invalidate(AccessToken refused);

    /** Fails a fetch in progress and every later request for a token. */
    @Override
    void close();
}
