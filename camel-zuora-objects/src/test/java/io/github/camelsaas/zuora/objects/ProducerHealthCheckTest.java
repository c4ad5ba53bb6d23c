package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/** The producer health check: off unless producer checks are on; DOWN with the reason when no token comes. */
class ProducerHealthCheckTest extends ZuoraTestSupport {

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:write").to(uri);
            }
        });
    }

    private static void enableProducerChecks(org.apache.camel.CamelContext context) {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
    }

    private List<HealthCheck.Result> zuoraChecks() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:zuora-objects-Order")).toList();
    }

    @Test
    void upWhenATokenCanBeObtainedWithoutMintingOneEachTime() throws Exception {
        enableProducerChecks(context);
        route("zuora-objects:Order");

        HealthCheck.Result first = zuoraChecks().get(0);
        HealthCheck.Result second = zuoraChecks().get(0);

        assertThat(first.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(second.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(zuora.tokensIssued()).isEqualTo(1);
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isZero();
    }

    @Test
    void downWithTheReasonWhenTheCredentialsAreRefused() throws Exception {
        enableProducerChecks(context);
        route("zuora-objects:Order?clientSecret=RAW(not-the-secret-77)");

        List<HealthCheck.Result> results = zuoraChecks();

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                    .contains("No Zuora access token").contains("answered 401").contains("invalid_client")
                    .doesNotContain("not-the-secret-77"));
            assertThat(result.getError()).containsInstanceOf(ZuoraAuthenticationException.class);
        });
    }

    @Test
    void offUnlessProducerChecksAreEnabled() throws Exception {
        route("zuora-objects:Order?clientSecret=RAW(not-the-secret-77)");

        assertThat(zuoraChecks()).isEmpty();
        assertThat(zuora.stats().totalCalls()).isZero();
    }
}
