package io.github.camelsaas.zuora.objects;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

import io.github.camelsaas.zuora.objects.auth.TokenProvider;

/**
 * A producer health check: UP when an access token can be obtained for the endpoint's tenant, DOWN with the
 * reason when not (credentials refused, token endpoint unreachable). The token is the shared, cached one, so a
 * check does not mint a token. Registered only when Camel's producer health checks are on.
 */
final class ZuoraObjectsProducerHealthCheck implements HealthCheck {

    private final String id;
    private final String tenant;
    private final TokenProvider tokens;
    private final long timeoutMillis;
    private volatile boolean enabled = true;

    /** @param timeoutMillis how long a check waits for a token before it reports DOWN */
    ZuoraObjectsProducerHealthCheck(String id, String tenant, TokenProvider tokens, long timeoutMillis) {
        this.id = id;
        this.tenant = tenant;
        this.tokens = tokens;
        this.timeoutMillis = timeoutMillis;
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
        // an unusable credential makes the integration not ready; restarting the JVM would not fix it
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).detail("tenant", tenant);
        try {
            tokens.token().get(timeoutMillis, TimeUnit.MILLISECONDS);
            builder.up();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            builder.message("No Zuora access token: " + cause.getMessage()).error(cause).down();
        } catch (TimeoutException e) {
            builder.message("No Zuora access token within " + timeoutMillis + " ms").down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("Interrupted while waiting for a Zuora access token").down();
        }
        return builder.build();
    }
}
