package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/** OAuth as Zuora wants it used: one cached token shared by every call, one refresh and replay on a 401. */
class AuthenticationTest extends ZuoraTestSupport {

    private static final String UNAUTHORIZED = "{\"code\":90000011,\"message\":\"Authentication error\","
                                               + "\"details\":[{\"code\":90000011,\"message\":\"invalid token\"}]}";

    @Test
    void manyConcurrentCallsShareOneTokenFetch() throws Exception {
        zuora.setLatency(Duration.ofMillis(50));
        int messages = 40;
        ExecutorService senders = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Exchange>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < messages; i++) {
                List<Map<String, Object>> order = orders(1, "C" + i + "-");
                sent.add(senders.submit(() -> {
                    go.await();
                    return send("zuora-objects:Order?maxConcurrentRequests=20", order);
                }));
            }
            go.countDown();
            for (Future<Exchange> exchange : sent) {
                assertThat(exchange.get(30, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(zuora.tokensIssued()).isEqualTo(1);
        assertThat(calls(ZuoraRoute.CREATE_TOKEN)).isEqualTo(1);
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(messages);
        assertThat(requestsTo(RECORDS_PATH)).extracting(r -> r.getHeader("Authorization")).containsOnly(
                requestsTo(RECORDS_PATH).get(0).getHeader("Authorization"));
    }

    @Test
    void endpointsOfTheSameTenantShareTheToken() {
        zuora.registerObject("Invoice");

        send("zuora-objects:Order", orders(1, "A-"));
        send("zuora-objects:Invoice", orders(1, "B-"));
        send("zuora-objects:Order?operation=query", null);

        assertThat(zuora.tokensIssued()).isEqualTo(1);
    }

    @Test
    void a401InvalidatesTheTokenFetchesANewOneAndReplaysTheCallOnce() {
        send("zuora-objects:Order", orders(1, "before-"));
        zuora.revokeIssuedTokens();

        Exchange exchange = send("zuora-objects:Order", orders(1, "after-"));

        assertThat(exchange.getException()).isNull();
        assertThat(zuora.tokensIssued()).isEqualTo(2);
        List<LoggedRequest> creates = requestsTo(RECORDS_PATH);
        assertThat(creates).hasSize(3);
        assertThat(creates.get(2).getHeader("Authorization")).isNotEqualTo(creates.get(1).getHeader("Authorization"));
        assertThat(creates.get(1).getHeader("Authorization")).isEqualTo(creates.get(0).getHeader("Authorization"));
        assertThat(zuora.count(ORDER)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(2);
    }

    @Test
    void aSecond401FailsWithAClearErrorNamingNeitherSecretNorToken() {
        zuora.faults().failNext("/objects/.*", 2, Fault.status(401, UNAUTHORIZED));

        Exchange exchange = send("zuora-objects:Order?operation=describe", null);

        assertThat(exchange.getException()).isInstanceOf(ZuoraAuthenticationException.class)
                .hasMessageContaining("refused the access token on GET /objects/definitions/default/Order")
                .hasMessageContaining("401").hasMessageContaining("again after a new token was fetched");
        assertThat(((ZuoraAuthenticationException) exchange.getException()).getHttpStatus()).isEqualTo(401);
        assertThat(dataRequests()).hasSize(2);
        assertThat(zuora.tokensIssued()).isEqualTo(2);
        assertNamesNoCredential(exchange.getException().getMessage());
    }

    @Test
    void aCreateRefusedTwiceFailsTheMessageWithTheAuthenticationExceptionItsRecordsAsCause() {
        zuora.faults().failNext("/objects/.*", 2, Fault.status(401, UNAUTHORIZED));

        Exchange exchange = send("zuora-objects:Order", orders(1, "X-"));

        assertThat(exchange.getException()).isInstanceOf(ZuoraAuthenticationException.class)
                .hasMessageContaining("refused the access token");
        assertThat(((ZuoraAuthenticationException) exchange.getException()).getHttpStatus()).isEqualTo(401);
        assertThat(exchange.getException().getCause()).isInstanceOf(PartialFailureException.class);
        FailedRecord failed = ((PartialFailureException) exchange.getException().getCause()).getFailedRecords().get(0);
        assertThat(failed.httpStatus()).isEqualTo(401);
        assertNamesNoCredential(exchange.getException().getMessage());
    }

    @Test
    void onExceptionOfTheAuthenticationExceptionFiresForARefusedCreate() throws Exception {
        zuora.faults().failNext("/objects/.*", 2, Fault.status(401, UNAUTHORIZED));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refused").onException(ZuoraAuthenticationException.class).handled(true)
                        .setBody(constant("credentials refused")).end()
                        .to("zuora-objects:Order");
            }
        });

        Exchange exchange = template.send("direct:refused", e -> e.getMessage().setBody(Map.of("OrderNumber__c",
                "Y-1")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("credentials refused");
    }

    @Test
    void aCoalescedCreateRefusedTwiceFailsWithTheAuthenticationExceptionAndItsCallCounts() {
        zuora.faults().failNext("/objects/.*", 2, Fault.status(401, UNAUTHORIZED));

        Exchange exchange = send("zuora-objects:Order?batchWindow=50", Map.of("OrderNumber__c", "Z-1"));

        assertThat(exchange.getException()).isInstanceOf(ZuoraAuthenticationException.class)
                .hasMessageContaining("refused the access token");
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT, Integer.class))
                .isEqualTo(2);
    }

    @Test
    void refusedClientCredentialsFailTheMessageBeforeAnyDataCall() {
        Exchange exchange = send("zuora-objects:Order?operation=describe&clientSecret=RAW(wrong-secret-42)", null);

        assertThat(exchange.getException()).isInstanceOf(ZuoraAuthenticationException.class)
                .hasMessageContaining("POST /oauth/token answered 401")
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("wrong-secret-42");
        assertThat(dataRequests()).isEmpty();
    }

    @Test
    void aFixedAccessTokenIsUsedAsIsAndNoOAuthCallIsMade() {
        zuora.acceptStaticToken("static-token-0123456789");
        clearClientCredentials();

        Exchange exchange = send("zuora-objects:Order?accessToken=RAW(static-token-0123456789)", orders(2, "F-"));

        assertThat(exchange.getException()).isNull();
        assertThat(calls(ZuoraRoute.CREATE_TOKEN)).isZero();
        assertThat(requestsTo(RECORDS_PATH).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer static-token-0123456789");
    }

    @Test
    void aRefusedFixedAccessTokenFailsAtOnceWithoutReplay() {
        clearClientCredentials();

        Exchange exchange = send("zuora-objects:Order?operation=describe&accessToken=RAW(unknown-token-987654)", null);

        assertThat(exchange.getException()).isInstanceOf(ZuoraAuthenticationException.class)
                .hasMessageContaining("a fixed accessToken cannot be refreshed")
                .hasMessageNotContaining("unknown-token-987654");
        assertThat(dataRequests()).hasSize(1);
        assertThat(calls(ZuoraRoute.CREATE_TOKEN)).isZero();
    }

    private void clearClientCredentials() {
        ZuoraObjectsConfiguration shared = context.getComponent("zuora-objects", ZuoraObjectsComponent.class)
                .getConfiguration();
        shared.setClientId(null);
        shared.setClientSecret(null);
    }

    /** Neither the client secret nor any token the simulator issued appears in the text. */
    private static void assertNamesNoCredential(String text) {
        Set<String> tokens = new HashSet<>();
        for (LoggedRequest request : dataRequests()) {
            tokens.add(request.getHeader("Authorization").substring("Bearer ".length()));
        }
        assertThat(tokens).isNotEmpty();
        assertThat(text).doesNotContain("demo-secret");
        tokens.forEach(token -> assertThat(text).doesNotContain(token));
    }
}
