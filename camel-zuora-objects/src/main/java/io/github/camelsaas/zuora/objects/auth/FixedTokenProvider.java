package io.github.camelsaas.zuora.objects.auth;

import java.util.concurrent.CompletableFuture;

/** The accessToken option: one token for ever, never fetched, never refreshed. */
public final class FixedTokenProvider implements TokenProvider {

    private final CompletableFuture<AccessToken> token;

    public FixedTokenProvider(String accessToken) {
        this.token = CompletableFuture.completedFuture(new AccessToken(accessToken, Long.MAX_VALUE));
    }

    @Override
    public CompletableFuture<AccessToken> token() {
        return token.thenApply(t -> t);
    }

    @Override
    public boolean invalidate(AccessToken refused) {
        return false;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "FixedTokenProvider[xxxxxx]";
    }
}
