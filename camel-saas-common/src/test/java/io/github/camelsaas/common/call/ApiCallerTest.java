package io.github.camelsaas.common.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelsaas.common.async.AsyncSemaphore;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.HttpTransportOptions;
import io.github.camelsaas.common.http.SaasHttpRequest;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimiter;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiCallerTest {

    private static final RetryRules RULES = RetryRules.withResetHeader("RateLimit-Reset");

    /** Counts requests in flight at the server, from arrival to the last byte of the answer. */
    static final class InFlightCounter implements ServeEventListener {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            inFlight.decrementAndGet();
        }

        @Override
        public String getName() {
            return "in-flight-counter";
        }
    }

    static final InFlightCounter IN_FLIGHT = new InFlightCounter();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(50).extensions(IN_FLIGHT)).build();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final RetryPolicy fastRetries = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofSeconds(10));
    private HttpTransport transport;

    @BeforeEach
    void startTransport() {
        transport = new HttpTransport(HttpTransportOptions.defaults());
        transport.start();
    }

    @AfterEach
    void stop() {
        transport.close();
        scheduler.shutdownNow();
    }

    private ApiCaller caller(int concurrency, RateLimitFeedback feedback) {
        return new ApiCaller("test", transport, new AsyncSemaphore("test", concurrency, scheduler),
                new Retrier("test", fastRetries, scheduler), feedback);
    }

    private SaasHttpRequest getRequest(String path) {
        return SaasHttpRequest.get(URI.create(server.baseUrl() + path));
    }

    @Test
    void a429IsFedBackAndRetriedAtTheServersTime() throws Exception {
        server.stubFor(get("/things").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("open"));
        server.stubFor(get("/things").inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        RateLimiter limiter = new RateLimiter("org", RateLimit.of(100, Duration.ofSeconds(1)),
                new InMemoryRateLimitBackend(), scheduler);
        List<String> feedbackSeen = Collections.synchronizedList(new ArrayList<>());
        ApiCaller caller = caller(2, (response, permits) -> {
            feedbackSeen.add(response.status() + " " + permits);
            if (response.status() == 429) {
                RULES.serverRetryTime(response, Instant.now())
                        .ifPresent(until -> permits.forEach(p -> p.limiter().pause(p.key(), until)));
            }
        });
        AtomicInteger attempts = new AtomicInteger();
        Instant start = Instant.now();

        SaasHttpResponse response = caller.call(ApiCall.builder()
                .permit(new Permit(limiter, "org-1"))
                .request(getRequest("/things"))
                .classifier(RULES.classifier(true))
                .onAttempt(attempts::incrementAndGet)
                .build()).get(5, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(attempts).hasValue(2);
        assertThat(caller.requestsSent()).isEqualTo(2);
        assertThat(caller.tooManyRequests()).isEqualTo(1);
        assertThat(feedbackSeen).containsExactly("429 [org[org-1]]", "200 [org[org-1]]");
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        server.verify(2, getRequestedFor(urlEqualTo("/things")));
    }

    @Test
    void neverMoreThanTheCapInFlight() throws Exception {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(50)));
        ApiCaller caller = caller(3, RateLimitFeedback.NONE);
        // an earlier test may have stopped its caller with a delayed request still being served: start from zero
        await().atMost(Duration.ofSeconds(10)).until(() -> IN_FLIGHT.inFlight.get() == 0);
        IN_FLIGHT.max.set(0);
        List<CompletableFuture<SaasHttpResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(caller.call(ApiCall.builder().request(getRequest("/slow"))
                    .classifier(RULES.classifier(true)).build()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        // the cap is reached (the calls overlap) and never passed
        assertThat(IN_FLIGHT.max.get()).isEqualTo(3);
        assertThat(caller.requestsSent()).isEqualTo(12);
    }

    @Test
    void aCreateIsNotReplayedAfterA5xx() throws Exception {
        server.stubFor(get("/create").willReturn(aResponse().withStatus(503)));
        ApiCaller caller = caller(1, RateLimitFeedback.NONE);
        SaasHttpResponse response = caller.call(ApiCall.builder().request(getRequest("/create"))
                .classifier(RULES.classifier(false)).build()).get(5, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(503);
        server.verify(1, getRequestedFor(urlEqualTo("/create")));
    }

    @Test
    void anIdempotentCallIsRetriedOn5xxUpToTheAttempts() throws Exception {
        server.stubFor(get("/read").willReturn(aResponse().withStatus(502)));
        ApiCaller caller = caller(1, RateLimitFeedback.NONE);
        SaasHttpResponse response = caller.call(ApiCall.builder().request(getRequest("/read"))
                .classifier(RULES.classifier(true)).build()).get(5, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(502);
        server.verify(4, getRequestedFor(urlEqualTo("/read")));
    }

    @Test
    void aStoppedLimiterFailsTheCallWithoutSendingItAndFreesTheSlot() throws Exception {
        server.stubFor(get("/x").willReturn(aResponse().withStatus(200)));
        RateLimiter limiter = new RateLimiter("org limit", RateLimit.of(1, Duration.ofMinutes(1)),
                new InMemoryRateLimitBackend(), scheduler);
        ApiCaller caller = caller(1, RateLimitFeedback.NONE);
        ApiCall call = ApiCall.builder().permit(new Permit(limiter, "org")).request(getRequest("/x"))
                .classifier(RULES.classifier(true)).build();
        caller.call(call).get(5, TimeUnit.SECONDS);
        CompletableFuture<SaasHttpResponse> waiting = caller.call(call);

        limiter.close();

        assertThat(waiting).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoppedException.class).withMessageContaining("not sent");
        server.verify(1, getRequestedFor(urlEqualTo("/x")));
        // the slot it held while waiting for the permit was given back
        assertThat(caller.call(ApiCall.builder().request(getRequest("/x")).classifier(RULES.classifier(true))
                .build()).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void aCallHoldingItsSlotAndWaitingForAPermitIsNotSentOnceTheCallerIsClosed() throws Exception {
        server.stubFor(get("/z").willReturn(aResponse().withStatus(200)));
        // a shared limiter (another endpoint's too): the caller's owner stops, the limiter stays open
        RateLimiter shared = new RateLimiter("org limit", RateLimit.of(1, Duration.ofMillis(300)),
                new InMemoryRateLimitBackend(), scheduler);
        ApiCaller caller = caller(1, RateLimitFeedback.NONE);
        ApiCall call = ApiCall.builder().permit(new Permit(shared, "org")).request(getRequest("/z"))
                .classifier(RULES.classifier(true)).build();
        caller.call(call).get(5, TimeUnit.SECONDS);
        CompletableFuture<SaasHttpResponse> waiting = caller.call(call);

        caller.close();

        // the permit comes ~300 ms later: the call fails instead of leaving
        assertThat(waiting).failsWithin(Duration.ofSeconds(3)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(StoppedException.class)
                .withMessage("test stopped while a request was waiting for a rate-limit permit; "
                             + "the request was not sent");
        server.verify(1, getRequestedFor(urlEqualTo("/z")));
        assertThat(caller.requestsSent()).isEqualTo(1);
        shared.close();
    }

    @Test
    void permitsBeforeTheSlotDoNotHoldOneWhileWaiting() throws Exception {
        server.stubFor(get("/y").willReturn(aResponse().withStatus(200)));
        RateLimiter customers = new RateLimiter("customer limit", RateLimit.of(1, Duration.ofMinutes(1)),
                new InMemoryRateLimitBackend(), scheduler);
        ApiCaller caller = caller(1, RateLimitFeedback.NONE);
        caller.call(ApiCall.builder().permitBeforeSlot(new Permit(customers, "busy-customer"))
                .request(getRequest("/y")).classifier(RULES.classifier(true)).build()).get(5, TimeUnit.SECONDS);
        CompletableFuture<SaasHttpResponse> waitingForItsCustomer = caller.call(ApiCall.builder()
                .permitBeforeSlot(new Permit(customers, "busy-customer"))
                .request(getRequest("/y")).classifier(RULES.classifier(true)).build());

        // another customer's call gets the only slot at once
        SaasHttpResponse other = caller.call(ApiCall.builder()
                .permitBeforeSlot(new Permit(customers, "other-customer"))
                .request(getRequest("/y")).classifier(RULES.classifier(true)).build()).get(5, TimeUnit.SECONDS);
        assertThat(other.status()).isEqualTo(200);
        assertThat(waitingForItsCustomer).isNotDone();
        customers.close();
    }
}
