package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** The org-wide limit: one budget for every endpoint, adapted to what the server states, paused by its 429s. */
class KustomerOrgLimitTest extends KustomerSimulatorTestSupport {

    private static final Duration WINDOW = Duration.ofSeconds(1);

    @Test
    void allEndpointsOfTheComponentShareTheOrgLimit() throws Exception {
        simulator.setOrgLimit(10, WINDOW);
        useOrgLimit(10);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            sent.add(sendAsync("kustomer:customers", Map.of("name", "Customer " + i)));
            sent.add(sendAsync("kustomer:companies", Map.of("name", "Company " + i)));
        }

        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        // 30 calls at 10 per window through two endpoints, and the server never had to refuse one
        assertThat(simulator.customers()).hasSize(15);
        assertThat(simulator.companies()).hasSize(15);
        assertThat(simulator.orgTooManyRequests()).isZero();
    }

    @Test
    void theAdaptiveLimitAdoptsWhatTheServerStates() throws Exception {
        simulator.setOrgLimit(12, WINDOW);
        component().getConfiguration().setRateLimitWindow(WINDOW.toMillis());
        Exchange first = send("kustomer:customers", Map.of("name", "First"));
        assertThat(component().orgThrottles()).singleElement()
                .satisfies(org -> assertThat(org.orgLimit().permits()).isEqualTo(12));
        assertThat(first.getMessage().getHeader(KustomerConstants.RATE_LIMIT_REMAINING)).isEqualTo(11);

        List<CompletableFuture<Exchange>> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(sendAsync("kustomer:customers", Map.of("name", "Customer " + i)));
        }
        for (CompletableFuture<Exchange> exchange : burst) {
            assertThat(exchange.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(simulator.orgTooManyRequests()).isZero();
    }

    @Test
    void a429PausesTheOrgUntilTheResetAndTheCallsAreRetried() throws Exception {
        // the client believes in 100 per window, the server allows 5: 429s, pauses and retries, no record lost
        simulator.setOrgLimit(5, WINDOW);
        useOrgLimit(100);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(sendAsync("kustomer:customers", Map.of("name", "Customer " + i)));
        }

        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(20, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(simulator.customers()).hasSize(12);
        assertThat(simulator.orgTooManyRequests()).isPositive();
    }

    @Test
    void aCustomer429PausesThatCustomerAndTheCreatesAreRetried() throws Exception {
        simulator.setOrgLimit(0, WINDOW);
        simulator.setCustomerCreateLimit(3, WINDOW);
        useOrgLimit(1000);
        String customer = createCustomer("Ada");

        Exchange exchange = send("kustomer:kobjects?klass=order&bulk=false", KustomerBulkTest.orders(8),
                Map.of(KustomerConstants.CUSTOMER_ID, customer));

        // the client believed in 120 per window; the server's 3 are learnt the hard way, but nothing is lost
        assertThat(exchange.getException()).isNull();
        assertThat(simulator.kobjects("order")).hasSize(8);
        assertThat(simulator.customerTooManyRequests()).isPositive();
        assertThat(simulator.orgTooManyRequests()).isZero();
    }

    private void useOrgLimit(int requestsPerWindow) {
        KustomerConfiguration limits = component().getConfiguration();
        limits.setRequestsPerMinute(requestsPerWindow);
        limits.setRateLimitWindow(WINDOW.toMillis());
    }

    private CompletableFuture<Exchange> sendAsync(String uri, Object body) {
        return template.asyncSend(uri, exchange -> exchange.getMessage().setBody(body));
    }
}
