package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelsaas.simulator.common.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * maxConcurrentRequests is the org's cap, as on zuora-objects: it is the tenant's: two endpoints of one org together
 * have at most that many calls in flight, not that many each.
 */
class KustomerOrgConcurrencyTest extends KustomerSimulatorTestSupport {

    private static final long ANSWER_DELAY_MILLIS = 300;

    @Test
    void twoEndpointsOfOneOrgShareItsCapOnCallsInFlight() throws Exception {
        component().getConfiguration().setMaxConcurrentRequests(2);
        simulator.faults().failFor("/v1/(customers|companies)", Duration.ofMinutes(1),
                Fault.delay(Duration.ofMillis(ANSWER_DELAY_MILLIS)));
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            sent.add(template.asyncSend("kustomer:customers", e -> e.getMessage().setBody(Map.of("name", "Customer " + n))));
            sent.add(template.asyncSend("kustomer:companies", e -> e.getMessage().setBody(Map.of("name", "Company " + n))));
        }
        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(30, TimeUnit.SECONDS).getException()).isNull();
        }

        List<Long> arrivals = simulator.wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getMethod().value().equals("POST"))
                .map(ServeEvent::getRequest)
                .map(request -> request.getLoggedDate().getTime())
                .sorted(Comparator.naturalOrder())
                .toList();
        assertThat(arrivals).hasSize(6);
        // with two calls in flight at most, a third can only leave once one of the first two is answered: any three
        // arrivals span at least the server's answer delay (less the logs' millisecond rounding)
        for (int i = 0; i + 2 < arrivals.size(); i++) {
            assertThat(arrivals.get(i + 2) - arrivals.get(i)).as("arrivals %d to %d", i, i + 2)
                    .isGreaterThanOrEqualTo(ANSWER_DELAY_MILLIS - 2);
        }
        assertThat(component().orgThrottles()).hasSize(1);
    }

    @Test
    void anEndpointAskingForAnotherCapThanItsOrgFailsToStartNamingBoth() {
        assertThat(send("kustomer:customers", Map.of("name", "Ada")).getException()).isNull();

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                template.sendBody("kustomer:companies?maxConcurrentRequests=9", Map.of("name", "Acme")));

        assertThat(refused).hasStackTraceContaining("maxConcurrentRequests=9")
                .hasStackTraceContaining("already runs it with")
                .hasStackTraceContaining("maxConcurrentRequests=4");
        assertThat(simulator.companies()).isEmpty();
    }
}
