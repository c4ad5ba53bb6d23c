package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;

/** The producer health check, as Camel's health registry calls it: off by default, UP with a valid key, DOWN on 401. */
class KustomerHealthCheckTest extends KustomerSimulatorTestSupport {

    @Test
    void producerChecksAreOffUnlessEnabledThenUpForAValidKey() {
        send("kustomer:customers?operation=getByExternalId", "c-1");
        assertThat(results()).noneMatch(result -> result.getCheck().getId().startsWith("producer:kustomer"));

        enableProducerChecks();
        HealthCheck.Result result = kustomerResult();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 200);
        assertThat(result.getCheck().isLiveness()).isFalse();
        assertThat(simulator.stats().calls("GET /v1/users/current")).isEqualTo(1);
    }

    @Test
    void aRefusedKeyIsDownWithTheReasonAndWithoutTheKey() {
        String badKey = "revoked-key-4e1c7b9a";
        send("kustomer:customers?operation=getByExternalId&apiKey=RAW(" + badKey + ")", "c-1");

        enableProducerChecks();
        HealthCheck.Result result = kustomerResult();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("401 unauthorized").contains("invalid or expired").doesNotContain(badKey));
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
    }

    private void enableProducerChecks() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        ((ProducersHealthCheckRepository) producers).setEnabled(true);
    }

    private HealthCheck.Result kustomerResult() {
        Optional<HealthCheck.Result> result = results().stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:kustomer")).findFirst();
        assertThat(result).isPresent();
        return result.get();
    }

    private Collection<HealthCheck.Result> results() {
        return HealthCheckHelper.invoke(context, check -> Map.of(), check -> false, null);
    }
}
