package io.github.camelsaas.zuora.objects;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.ratelimit.redis.LocalRedisServer;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * Two replicas of an application (two CamelContexts, each with its own zuora-objects component and Redis
 * connection) acting for one tenant, with rateLimitRedisUri: they keep one client rate limit (requestsPerMinute)
 * together, and Zuora's 429 to one of them pauses the other too, so that one does not draw the next 429.
 */
class SharedTenantLimitsTest {

    private static final String RECORDS_PATH = "/objects/records/default/Order";
    private static final String TOO_MANY = "{\"code\":71012570,\"message\":\"Too many requests\"}";

    private static LocalRedisServer redis;
    private static ZuoraSimulator zuora;

    private final List<CamelContext> replicas = new ArrayList<>();

    @BeforeAll
    static void start() {
        redis = LocalRedisServer.startOrSkip();
        zuora = new ZuoraSimulator();
        zuora.start();
    }

    @AfterAll
    static void stop() {
        if (zuora != null) {
            zuora.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @BeforeEach
    void resetZuora() {
        zuora.resetAll();
        zuora.registerObject("Order");
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(CamelContext::stop);
    }

    @Test
    void withRedisA429ToOneReplicaPausesTheOther() throws Exception {
        List<LoggedRequest> creates = replicaBSendsWhileReplicaAIsPaused(redis.uri());

        // B's create waited for the reset A was told (1 s), as A's own retry did
        assertThat(millisBetween(creates.get(0), creates.get(1))).isGreaterThanOrEqualTo(950);
        assertThat(millisBetween(creates.get(0), creates.get(2))).isGreaterThanOrEqualTo(950);
        assertThat(zuora.stats().tooManyRequests()).isEqualTo(1);
    }

    @Test
    void inMemoryTheOtherReplicaDoesNotKnowOfThePause() throws Exception {
        List<LoggedRequest> creates = replicaBSendsWhileReplicaAIsPaused(null);

        // B went at once: the check above is one that can fail
        assertThat(millisBetween(creates.get(0), creates.get(1))).isLessThan(950);
    }

    @Test
    void withRedisTwoReplicasKeepOneTenantRateLimit() throws Exception {
        // the server allows exactly the client limit: one call over it would draw a 429
        zuora.setRateLimit(3, Duration.ofSeconds(3));
        CamelContext a = replica(redis.uri());
        CamelContext b = replica(redis.uri());
        String uri = "zuora-objects:Order?batchSize=1&requestsPerMinute=3&rateLimitWindow=3000";

        CompletableFuture<Exchange> sentByA = a.createProducerTemplate().asyncSend(uri,
                exchange -> exchange.getMessage().setBody(ZuoraTestSupport.orders(3, "A-")));
        CompletableFuture<Exchange> sentByB = b.createProducerTemplate().asyncSend(uri,
                exchange -> exchange.getMessage().setBody(ZuoraTestSupport.orders(3, "B-")));

        assertThat(sentByA.get(20, TimeUnit.SECONDS).getException()).isNull();
        assertThat(sentByB.get(20, TimeUnit.SECONDS).getException()).isNull();
        // six calls at three per window: the second three waited for the first ones to leave the window
        assertThat(zuora.stats().tooManyRequests()).isZero();
        assertThat(zuora.count("Order")).isEqualTo(6);
    }

    /** A is refused with a 429 (reset in 1 s); B sends meanwhile; the three creates Zuora saw, oldest first. */
    private List<LoggedRequest> replicaBSendsWhileReplicaAIsPaused(String redisUri) throws Exception {
        CamelContext a = replica(redisUri);
        CamelContext b = replica(redisUri);
        zuora.faults().failNext(RECORDS_PATH, 1, new Fault.Status(429, TOO_MANY,
                Map.of("RateLimit-Reset", "1", "RateLimit-Remaining", "0", "Content-Type", "application/json")));

        CompletableFuture<Exchange> sentByA = a.createProducerTemplate().asyncSend("zuora-objects:Order",
                exchange -> exchange.getMessage().setBody(List.of(Map.of("OrderNumber__c", "A-1"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> zuora.stats().tooManyRequests() == 1);
        Exchange sentByB = b.createProducerTemplate().send("zuora-objects:Order",
                exchange -> exchange.getMessage().setBody(List.of(Map.of("OrderNumber__c", "B-1"))));

        assertThat(sentByB.getException()).isNull();
        assertThat(sentByA.get(10, TimeUnit.SECONDS).getException()).isNull();
        List<LoggedRequest> creates = new ArrayList<>(zuora.wireMock().findAll(
                anyRequestedFor(urlPathEqualTo(RECORDS_PATH))));
        creates.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(creates).hasSize(3);
        assertThat(zuora.count("Order")).isEqualTo(2);
        return creates;
    }

    private CamelContext replica(String redisUri) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ZuoraObjectsComponent component = camel.getComponent("zuora-objects", ZuoraObjectsComponent.class);
        component.getConfiguration().setBaseUrl(zuora.baseUrl());
        component.getConfiguration().setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
        component.getConfiguration().setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
        component.setRateLimitRedisUri(redisUri);
        camel.start();
        replicas.add(camel);
        return camel;
    }

    private static long millisBetween(LoggedRequest first, LoggedRequest later) {
        return later.getLoggedDate().getTime() - first.getLoggedDate().getTime();
    }
}
