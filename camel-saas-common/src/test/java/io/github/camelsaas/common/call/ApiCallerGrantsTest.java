package io.github.camelsaas.common.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelsaas.common.async.AsyncSemaphore;
import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.HttpTransportOptions;
import io.github.camelsaas.common.http.SaasHttpRequest;
import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimiter;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How ApiCaller holds and ends the rate-limit grants of each attempt. */
class ApiCallerGrantsTest {

    private static final RetryRules RULES = RetryRules.withResetHeader("RateLimit-Reset");

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(20)).build();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
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
                new Retrier("test", new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20),
                        Duration.ofSeconds(10)), scheduler), feedback);
    }

    private ApiCall call(String path, Permit... permits) {
        ApiCall.Builder call = ApiCall.builder()
                .request(SaasHttpRequest.get(URI.create(server.baseUrl() + path)))
                .classifier(RULES.classifier(true));
        for (Permit permit : permits) {
            call.permit(permit);
        }
        return call.build();
    }

    private RateLimiter limiter(int permits, Duration window) {
        return new RateLimiter("limit", RateLimit.of(permits, window), new InMemoryRateLimitBackend(), scheduler);
    }

    @Test
    void aSentCallHoldsItsSlotUntilItsAnswerAndAWindowMore() throws Exception {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(300)));
        RateLimiter limiter = limiter(1, Duration.ofMillis(200));
        ApiCaller caller = caller(4, RateLimitFeedback.NONE);

        CompletableFuture<Long> firstAnswered = caller.call(call("/slow", new Permit(limiter, "org")))
                .thenApply(answer -> System.currentTimeMillis());
        caller.call(call("/slow", new Permit(limiter, "org"))).get(5, TimeUnit.SECONDS);

        List<ServeEvent> arrivals = new ArrayList<>(server.getAllServeEvents());
        arrivals.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        long secondArrived = arrivals.get(1).getRequest().getLoggedDate().getTime();
        // a grant-anchored limiter would have sent the second 200 ms after the first's grant, while it was in flight
        assertThat(secondArrived).isGreaterThanOrEqualTo(firstAnswered.get() + 200);
    }

    @Test
    void permitsOfTwoKeysAskedForInOppositeOrdersAreTakenInOneOrderSoTwoCallsCannotDeadlock() throws Exception {
        server.stubFor(get("/both").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(100)));
        RateLimiter limiter = limiter(1, Duration.ofMillis(100));
        ApiCaller caller = caller(4, RateLimitFeedback.NONE);

        // both keys busy, so that each call waits on the first key it takes
        var heldX = limiter.acquire("x").get(1, TimeUnit.SECONDS);
        var heldY = limiter.acquire("y").get(1, TimeUnit.SECONDS);
        CompletableFuture<?> xThenY = caller.call(call("/both", new Permit(limiter, "x"), new Permit(limiter, "y")));
        CompletableFuture<?> yThenX = caller.call(call("/both", new Permit(limiter, "y"), new Permit(limiter, "x")));
        heldX.notSent();
        heldY.notSent();

        // each holding one key and waiting for the other's would wait for the leases' bound (minutes)
        CompletableFuture.allOf(xThenY, yThenX).get(10, TimeUnit.SECONDS);
        assertThat(server.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aCallStoppedBeforeItIsSentGivesItsSlotBackAtOnce() throws Exception {
        server.stubFor(get("/fast").willReturn(aResponse().withStatus(200).withBody("{}")));
        RateLimiter limiter = limiter(1, Duration.ofMinutes(1));
        ApiCaller stopped = caller(4, RateLimitFeedback.NONE);
        stopped.close();

        assertThatThrownBy(() -> stopped.call(call("/fast", new Permit(limiter, "org"))).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(StoppedException.class);

        // the one slot of the minute was given back: a call of another caller goes at once
        caller(4, RateLimitFeedback.NONE).call(call("/fast", new Permit(limiter, "org"))).get(5, TimeUnit.SECONDS);
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void grantsThatWaitedTooLongForAConcurrencySlotAreGivenBackAndTakenAnewBeforeSending() throws Exception {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(600)));
        // may be sent within half of 400 ms of its grant
        RateLimiter admission = new RateLimiter("admission", RateLimit.of(100, Duration.ofMillis(100)),
                new InMemoryRateLimitBackend(), scheduler, Duration.ofMillis(400));
        AtomicInteger grants = new AtomicInteger();
        admission.setGrantListener((key, permits, at) -> grants.incrementAndGet());
        ApiCaller caller = caller(1, RateLimitFeedback.NONE);
        ApiCall first = ApiCall.builder().permitBeforeSlot(new Permit(admission, "customer"))
                .request(SaasHttpRequest.get(URI.create(server.baseUrl() + "/slow")))
                .classifier(RULES.classifier(true)).build();
        ApiCall second = ApiCall.builder().permitBeforeSlot(new Permit(admission, "customer"))
                .request(SaasHttpRequest.get(URI.create(server.baseUrl() + "/slow")))
                .classifier(RULES.classifier(true)).build();

        CompletableFuture<?> holdsTheSlot = caller.call(first);
        // granted at once, then waits 600 ms for the one concurrency slot: too long to send under that grant
        caller.call(second).get(10, TimeUnit.SECONDS);
        holdsTheSlot.get(10, TimeUnit.SECONDS);

        assertThat(server.getAllServeEvents()).hasSize(2);
        assertThat(grants).hasValueGreaterThanOrEqualTo(3);
    }

    @Test
    void anAttemptWithoutAnAnswerTellsTheFeedbackOfTheGrantsItHeld() throws Exception {
        server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RateLimiter limiter = limiter(10, Duration.ofSeconds(1));
        List<String> noAnswer = Collections.synchronizedList(new ArrayList<>());
        ApiCaller caller = caller(4, new RateLimitFeedback() {
            @Override
            public void onResponse(io.github.camelsaas.common.http.SaasHttpResponse response, List<Permit> permits) {
            }

            @Override
            public void onNoAnswer(List<Permit> permits) {
                permits.forEach(permit -> noAnswer.add(permit.toString()));
            }
        });

        assertThatThrownBy(() -> caller.call(call("/reset", new Permit(limiter, "org"))).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);

        assertThat(noAnswer).containsExactly("limit[org]");
    }
}
