package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * {@code x-ratelimit-remaining: 0}: after the component's own N-th grant in a window it is expected, and the limiter
 * alone spaces the next call (no pause until the whole-second reset); when someone else spends part of the org's
 * quota it still pauses the org until the reset.
 */
class KustomerQuotaAtZeroTest extends KustomerSimulatorTestSupport {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int ORG_LIMIT = 20;

    @Test
    void aloneTheOrgQuotaIsUsedAtTheLimitersPaceWithout429s() {
        simulator.setOrgLimit(ORG_LIMIT, WINDOW);
        simulator.setCustomerCreateLimit(1_000, WINDOW);
        useLimits(ORG_LIMIT);
        // measured warm: a cold client's and server's first calls are counted later after their grants than the
        // limiter's margin allows for (5% of the window; a known cold-start effect, not what this test measures)
        String customer = createCustomer("Ada");
        send("kustomer:kobjects?klass=order&bulk=false", KustomerBulkTest.orders(4),
                Map.of(KustomerConstants.CUSTOMER_ID, customer));
        await().atMost(Duration.ofSeconds(5)).until(() -> orgQuotaLeft() == ORG_LIMIT);
        simulator.reset(); // the counts, and the customer: created again, as the first org request of the window
        customer = createCustomer("Ada");

        int windows = 5;
        Exchange exchange = send("kustomer:kobjects?klass=order&bulk=false",
                KustomerBulkTest.orders(windows * ORG_LIMIT - 1), Map.of(KustomerConstants.CUSTOMER_ID, customer));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.orgTooManyRequests()).isZero();
        assertThat(simulator.customerTooManyRequests()).isZero();
        // with the customer, the creates fill 5 windows' worth: create ORG_LIMIT - 1 is the first of the second window,
        // the first after a remaining: 0; from there 3 windows later the first of the fifth must arrive. Ideal: 3 W;
        // the limiter's safety margin adds 5% of W per window; the rest is scheduling (a pause until the next
        // whole-second reset after each remaining: 0 cost about half a window each)
        List<Instant> arrivals = simulator.customerCreateTimes(customer);
        assertThat(arrivals).hasSize(windows * ORG_LIMIT - 1);
        long threeWindowsMillis = Duration.between(arrivals.get(ORG_LIMIT - 1), arrivals.get(4 * ORG_LIMIT - 1))
                .toMillis();
        assertThat(threeWindowsMillis).isGreaterThanOrEqualTo(3 * WINDOW.toMillis());
        assertThat(threeWindowsMillis).isLessThanOrEqualTo(Math.round(3 * WINDOW.toMillis() * 1.05) + 150);
    }

    @Test
    void whenAnotherClientSpendsPartOfTheQuotaRemainingZeroStillPausesUntilTheReset() throws Exception {
        simulator.setOrgLimit(ORG_LIMIT, WINDOW);
        useLimits(ORG_LIMIT);
        context.addComponent("otherApp", otherApplication());
        long start = System.nanoTime();
        for (int i = 0; i < ORG_LIMIT / 2; i++) {
            assertThat(send("otherApp:customers", Map.of("name", "Other " + i)).getException()).isNull();
        }

        // our half of the quota: the last answer says remaining: 0 after only half our own limit
        for (int i = 0; i < ORG_LIMIT / 2; i++) {
            Exchange ours = send("kustomer:customers", Map.of("name", "Ours " + i));
            assertThat(ours.getException()).isNull();
        }
        assertThat(send("kustomer:customers", Map.of("name", "Ada")).getException()).isNull();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // our limiter alone would have let the next call through at once, into a 429; the pause held it until a
        // slot of the server's window was free again
        assertThat(simulator.orgTooManyRequests()).isZero();
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(WINDOW.toMillis());
        assertThat(simulator.customers()).hasSize(ORG_LIMIT + 1);
    }

    /** The org's quota left, asked with an unknown key: the simulator then reports it without counting the call. */
    private static int orgQuotaLeft() throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/v1/customers")).header("Authorization", "Bearer not-a-key").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(401);
        return Integer.parseInt(answer.headers().firstValue("x-ratelimit-remaining").orElseThrow());
    }

    /** Another application on the same org: its own component, its own limiter, the same API. */
    private static KustomerComponent otherApplication() {
        KustomerComponent other = new KustomerComponent();
        other.getConfiguration().setApiKey(KustomerSimulator.DEMO_API_KEY);
        other.getConfiguration().setBaseUrl(simulator.baseUrl());
        other.getConfiguration().setRequestsPerMinute(ORG_LIMIT);
        other.getConfiguration().setRateLimitWindow(WINDOW.toMillis());
        return other;
    }

    private void useLimits(int requestsPerWindow) {
        KustomerConfiguration limits = component().getConfiguration();
        limits.setRequestsPerMinute(requestsPerWindow);
        // the org's cap on calls in flight (per org since 0.1.0: set on the component, where the limits are)
        limits.setMaxConcurrentRequests(8);
        limits.setCustomerCreatesPerMinute(1_000);
        limits.setRateLimitWindow(WINDOW.toMillis());
    }
}
