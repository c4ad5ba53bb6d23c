package io.github.camelsaas.common.component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * A producer health check that asks the vendor whether the endpoint's credentials work: UP when the probe
 * completes, DOWN with the reason when it fails or does not answer in time. Registered only when Camel's producer
 * health checks are on. A readiness check, not a liveness one: refused credentials or an unreachable vendor make
 * the integration not ready, and restarting the JVM would fix neither.
 *
 * <p>Built on camel-api alone (not camel-health's AbstractHealthCheck), so the components do not pull camel-health
 * and its engine into every application.
 */
public abstract class ProducerReadinessCheck implements HealthCheck {

    private final String id;
    private final long timeoutMillis;
    private volatile boolean enabled = true;

    /**
     * @param id            e.g. {@code producer:kustomer-<endpoint id>}
     * @param timeoutMillis how long a check waits for the probe before it reports DOWN
     */
    protected ProducerReadinessCheck(String id, long timeoutMillis) {
        this.id = id;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Starts the probe (e.g. a token fetch or a token-check call). It may add details to {@code builder}; it
     * completes normally when the credentials work and exceptionally, with a message free of secrets, when not.
     */
    protected abstract CompletableFuture<?> probe(HealthCheckResultBuilder builder);

    /** What the probe obtains, for the DOWN messages, e.g. "Zuora access token". */
    protected abstract String subject();

    /** Details that identify what is checked (endpoint URI, tenant); added to every result. */
    protected void describe(HealthCheckResultBuilder builder) {
    }

    /** The DOWN message for a failed probe; by default the subject and the cause's message. */
    protected String failureMessage(Throwable cause) {
        return "No " + subject() + ": " + cause.getMessage();
    }

    @Override
    public final Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        describe(builder);
        if (!enabled) {
            return builder.message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        try {
            probe(builder).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return builder.up().build();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return builder.message(failureMessage(cause)).error(cause).down().build();
        } catch (TimeoutException e) {
            return builder.message("No " + subject() + " within " + timeoutMillis + " ms").down().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.message("Interrupted while waiting for a " + subject()).down().build();
        } catch (RuntimeException e) {
            return builder.message(failureMessage(e)).error(e).down().build();
        }
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
}
