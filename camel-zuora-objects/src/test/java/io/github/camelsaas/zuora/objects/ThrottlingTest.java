package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/** Throttling: the concurrency cap, 429s honoured, pauses on RateLimit-Remaining: 0, the client rate limit. */
class ThrottlingTest extends ZuoraTestSupport {

    private static final String TOO_MANY = "{\"code\":71012570,\"message\":\"Too many requests\"}";

    @Test
    void callsInFlightNeverExceedTheCap() {
        zuora.setProcessingTime(Duration.ofMillis(100));

        Exchange exchange = send("zuora-objects:Order?batchSize=50&maxConcurrentRequests=3", orders(1000, "P-"));

        assertThat(exchange.getException()).isNull();
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(20);
        // the cap is reached, never passed
        assertThat(zuora.maxProcessing()).isEqualTo(3);
        assertThat(zuora.count(ORDER)).isEqualTo(1000);
    }

    @Test
    void theCapHoldsForTheTenantAcrossEndpointsAndMessages() throws Exception {
        zuora.registerObject("Invoice");
        String options = "?batchSize=10&maxConcurrentRequests=4";
        zuora.setProcessingTime(Duration.ofMillis(60));

        List<CompletableFuture<Exchange>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(template.asyncSend("zuora-objects:Order" + options,
                    e -> e.getMessage().setBody(orders(100, "O-"))));
            running.add(template.asyncSend("zuora-objects:Invoice" + options,
                    e -> e.getMessage().setBody(orders(100, "I-"))));
        }
        for (CompletableFuture<Exchange> exchange : running) {
            assertThat(exchange.get().getException()).isNull();
        }

        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(60);
        assertThat(zuora.maxProcessing()).isEqualTo(4);
    }

    @Test
    void anEndpointAskingForOtherLimitsOfTheSameTenantIsRefused() {
        assertThat(send("zuora-objects:Order?maxConcurrentRequests=3", orders(1, "A-")).getException()).isNull();

        Throwable refused = catchThrowable(() -> template.sendBody("zuora-objects:Order?maxConcurrentRequests=5",
                orders(1, "B-")));

        assertThat(refused).hasStackTraceContaining("already runs it with")
                .hasStackTraceContaining("on the component");
        assertThat(zuora.count(ORDER)).isEqualTo(1);
    }

    @Test
    void a429IsRetriedAtTheTimeTheServerNames() {
        zuora.faults().failNext(RECORDS_PATH, 1, new Fault.Status(429, TOO_MANY,
                Map.of("Retry-After", "1", "Content-Type", "application/json")));

        Exchange exchange = send("zuora-objects:Order", orders(1, "R-"));

        assertThat(exchange.getException()).isNull();
        List<LoggedRequest> creates = requestsTo(RECORDS_PATH);
        assertThat(creates).hasSize(2);
        assertThat(millisBetween(creates.get(0), creates.get(1))).isGreaterThanOrEqualTo(950);
        assertThat(zuora.count(ORDER)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(2);
    }

    @Test
    void a429PausesEveryCallOfTheTenantNotOnlyTheOneRefused() {
        zuora.faults().failNext(RECORDS_PATH, 1, new Fault.Status(429, TOO_MANY,
                Map.of("RateLimit-Reset", "1", "RateLimit-Remaining", "0", "Content-Type", "application/json")));

        Exchange exchange = send("zuora-objects:Order?batchSize=1&maxConcurrentRequests=1", orders(3, "Q-"));

        assertThat(exchange.getException()).isNull();
        List<LoggedRequest> creates = requestsTo(RECORDS_PATH);
        assertThat(creates).hasSize(4);
        for (LoggedRequest later : creates.subList(1, creates.size())) {
            assertThat(millisBetween(creates.get(0), later)).isGreaterThanOrEqualTo(950);
        }
    }

    @Test
    void anExhaustedQuotaPausesTheTenantBeforeTheServerHasToSay429() {
        zuora.setRateLimit(3, Duration.ofSeconds(1));

        Exchange exchange = send("zuora-objects:Order?batchSize=1&maxConcurrentRequests=1", orders(6, "W-"));

        assertThat(exchange.getException()).isNull();
        assertThat(zuora.stats().tooManyRequests()).isZero();
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(6);
        assertThat(zuora.count(ORDER)).isEqualTo(6);
    }

    @Test
    void theClientRateLimitAllowsAtMostNCallsInAnyWindow() {
        // the server allows exactly as much: one call over the client limit would draw a 429
        zuora.setRateLimit(2, Duration.ofMillis(500));

        Exchange exchange = send("zuora-objects:Order?batchSize=1&requestsPerMinute=2&rateLimitWindow=500",
                orders(6, "L-"));

        assertThat(exchange.getException()).isNull();
        assertThat(zuora.stats().tooManyRequests()).isZero();
        List<LoggedRequest> creates = new ArrayList<>(requestsTo(RECORDS_PATH));
        creates.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(creates).hasSize(6);
        for (int i = 0; i + 2 < creates.size(); i++) {
            assertThat(millisBetween(creates.get(i), creates.get(i + 2))).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void withRequestsPerMinuteZeroTheLimitZuoraStatesBecomesTheTenantsLimit() {
        // Zuora states "2, 2;w=1": the first answer teaches the limit, the next calls keep to it on Zuora's clock
        zuora.setRateLimit(2, Duration.ofSeconds(1));
        String uri = "zuora-objects:Order?batchSize=1&rateLimitWindow=1s";
        assertThat(send(uri, orders(1, "F-")).getException()).isNull();
        zuora.wireMock().resetRequests();
        zuora.stats().reset();

        Exchange exchange = send(uri, orders(6, "A-"));

        assertThat(exchange.getException()).isNull();
        assertThat(zuora.stats().tooManyRequests()).isZero();
        List<LoggedRequest> creates = new ArrayList<>(requestsTo(RECORDS_PATH));
        creates.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(creates).hasSize(6);
        for (int i = 0; i + 2 < creates.size(); i++) {
            assertThat(millisBetween(creates.get(i), creates.get(i + 2))).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void aServerErrorOnAReadIsRetried() {
        zuora.faults().failNext("/objects/definitions/.*", 2, Fault.status(503, "{\"message\":\"busy\"}"));

        Exchange exchange = send("zuora-objects:Order?operation=describe", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Map.class)).isNotEmpty();
        assertThat(dataRequests()).hasSize(3);
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(3);
    }

    @Test
    void retriesStopAtMaxRetries() {
        zuora.faults().failNext("/objects/definitions/.*", 5, Fault.status(503, "{\"message\":\"busy\"}"));

        Exchange exchange = send("zuora-objects:Order?operation=describe&maxRetries=1", null);

        assertThat(exchange.getException()).isInstanceOf(ZuoraApiException.class).hasMessageContaining("503");
        assertThat(dataRequests()).hasSize(2);
    }

    private static long millisBetween(LoggedRequest first, LoggedRequest second) {
        return second.getLoggedDate().getTime() - first.getLoggedDate().getTime();
    }
}
