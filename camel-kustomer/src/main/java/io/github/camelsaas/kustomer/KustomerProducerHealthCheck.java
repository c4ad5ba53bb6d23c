package io.github.camelsaas.kustomer;

import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.component.ProducerReadinessCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import io.github.camelsaas.kustomer.api.CallStats;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.api.KustomerRequest;

/**
 * Readiness of a kustomer: producer: calls Kustomer's token check ({@code GET /v1/users/current}) with the endpoint's
 * key. UP on 200; DOWN with the reason otherwise, a 401 saying the key is invalid, expired or lacks a role.
 */
final class KustomerProducerHealthCheck extends ProducerReadinessCheck {

    private final KustomerEndpoint endpoint;
    private final KustomerClient client;

    KustomerProducerHealthCheck(KustomerEndpoint endpoint, KustomerClient client) {
        super("producer:kustomer-" + endpoint.getId(), endpoint.getConfiguration().getResponseTimeout() + 5_000);
        this.endpoint = endpoint;
        this.client = client;
    }

    @Override
    protected void describe(HealthCheckResultBuilder builder) {
        builder.detail(ENDPOINT_URI, endpoint.getEndpointBaseUri());
    }

    @Override
    protected CompletableFuture<?> probe(HealthCheckResultBuilder builder) {
        KustomerRequest request = KustomerRequest.get(KustomerPaths.CURRENT_USER);
        return client.send(request, new CallStats()).thenAccept(response -> {
            builder.detail(HTTP_RESPONSE_CODE, response.status());
            if (!response.isSuccessful()) {
                throw KustomerApiException.of(request, response.error());
            }
        });
    }

    @Override
    protected String subject() {
        return "answer from Kustomer's token check";
    }

    /** Kustomer's own error already says what is wrong (401: key invalid, expired or missing a role). */
    @Override
    protected String failureMessage(Throwable cause) {
        Throwable failure = FutureFailures.unwrap(cause);
        // transport failures are already free of credentials
        return failure instanceof KustomerApiException ? failure.getMessage()
                : "Kustomer's token check failed: " + failure.getMessage();
    }
}
