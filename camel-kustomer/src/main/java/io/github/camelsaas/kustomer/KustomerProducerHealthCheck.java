package io.github.camelsaas.kustomer;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of a kustomer: producer: calls Kustomer's token check ({@code GET /v1/users/current}) with the endpoint's
 * key. UP on 200; DOWN with the reason otherwise, a 401 saying the key is invalid, expired or lacks a role. It is
 * registered with Camel's producer health checks, which are off unless {@code camel.health.producersEnabled=true};
 * not a liveness check, since Kustomer being unreachable is no reason to restart the application.
 *
 * <p>Implemented on camel-api alone (not camel-health's AbstractHealthCheck) so that the component does not pull
 * camel-health and its engine dependency into every application.
 */
final class KustomerProducerHealthCheck implements HealthCheck {

    private final KustomerEndpoint endpoint;
    private final String id;
    private volatile boolean enabled = true;

    KustomerProducerHealthCheck(KustomerEndpoint endpoint) {
        this.endpoint = endpoint;
        this.id = "producer:kustomer-" + endpoint.getId();
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(ENDPOINT_URI, endpoint.getEndpointBaseUri());
        if (!enabled) {
            return builder.message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        KustomerRequest request = KustomerRequest.get(KustomerPaths.CURRENT_USER);
        try {
            KustomerResponse response = endpoint.client().send(request, new CallStats())
                    .get(endpoint.getComponent().getResponseTimeout() + 5_000, TimeUnit.MILLISECONDS);
            builder.detail(HTTP_RESPONSE_CODE, response.status());
            if (response.isSuccessful()) {
                return builder.up().build();
            }
            KustomerApiException refused = KustomerApiException.of(request, response.error());
            return builder.message(refused.getMessage()).error(refused).down().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.message("interrupted while checking the Kustomer API key").down().build();
        } catch (TimeoutException e) {
            return builder.message("no answer from Kustomer's token check in time").error(e).down().build();
        } catch (Exception e) {
            Throwable cause = Futures.unwrap(e);
            // transport failures are already free of credentials
            return builder.message("Kustomer's token check failed: " + cause.getMessage()).error(cause).down()
                    .build();
        }
    }
}
