package io.github.camelsaas.zuora.objects;

import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.component.ProducerReadinessCheck;
import io.github.camelsaas.zuora.objects.auth.TokenProvider;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * UP when an access token can be obtained for the endpoint's tenant, DOWN with the reason when not (credentials
 * refused, token endpoint unreachable). The token is the shared, cached one, so a check does not mint a token.
 */
final class ZuoraObjectsProducerHealthCheck extends ProducerReadinessCheck {

    private final String tenant;
    private final TokenProvider tokens;

    /** @param timeoutMillis how long a check waits for a token before it reports DOWN */
    ZuoraObjectsProducerHealthCheck(String id, String tenant, TokenProvider tokens, long timeoutMillis) {
        super(id, timeoutMillis);
        this.tenant = tenant;
        this.tokens = tokens;
    }

    @Override
    protected void describe(HealthCheckResultBuilder builder) {
        builder.detail("tenant", tenant);
    }

    @Override
    protected CompletableFuture<?> probe(HealthCheckResultBuilder builder) {
        return tokens.token();
    }

    @Override
    protected String subject() {
        return "Zuora access token";
    }
}
