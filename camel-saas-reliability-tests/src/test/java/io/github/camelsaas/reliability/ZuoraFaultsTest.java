package io.github.camelsaas.reliability;

import static io.github.camelsaas.reliability.TestRecords.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on the way to Zuora's custom objects, each checked against the accounting invariant ({@link Ledger}).
 * Faults the component tests already prove are referenced in RELIABILITY.md, not repeated.
 */
class ZuoraFaultsTest {

    private static final String CREATE = "/objects/records/default/Order";
    private static final String TOKEN = "/oauth/token";
    private static final String ORDERS = "zuora-objects:Order?batchSize=10";
    private static final long RESPONSE_TIMEOUT_MILLIS = 800;

    private static final ZuoraSimulator simulator = new ZuoraSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(simulator);
    private ZuoraHarness zuora;

    @BeforeEach
    void startCamel() {
        zuora = new ZuoraHarness(simulator, shared -> shared.setResponseTimeout(RESPONSE_TIMEOUT_MILLIS));
    }

    @AfterEach
    void stopCamel() {
        zuora.close();
    }

    private static List<FailedRecord> failuresOf(Exchange exchange) {
        return ((PartialFailureException) exchange.getException()).getFailedRecords();
    }

    /** Clears the injected faults and sends the failed records again as they are: that exchange succeeds. */
    private void redriveOnceTheFaultsAreGone(List<FailedRecord> failed) {
        simulator.faults().reset();
        Exchange redriven = zuora.template.send(ORDERS, e -> e.getMessage().setBody(
                failed.stream().map(FailedRecord::record).toList()));
        assertThat(redriven.getException()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "reset,false", "500,false", "502,false", "503,true", "504,false", "413,false" })
    void aFailedCreateCallFailsItsOwnRecordsWithTheRightRetryableFlagAndTheOtherCallsGo(String fault,
                                                                                      boolean retryable) {
        simulator.faults().failNext(CREATE, 1, fault.equals("reset") ? Fault.connectionReset()
                : Fault.status(Integer.parseInt(fault), "{\"message\":\"injected " + fault + "\"}"));

        Exchange exchange = zuora.sendList(ORDERS, orders("call-" + fault, 20));

        assertThat(zuora.balance().assertHolds(0).created()).isEqualTo(10);
        assertThat(failuresOf(exchange)).hasSize(10).allSatisfy(failure -> {
            assertThat(failure.retryable()).isEqualTo(retryable);
            assertThat(failure.message()).isNotBlank();
            if (!fault.equals("reset")) {
                assertThat(failure.httpStatus()).isEqualTo(Integer.parseInt(fault));
            }
        });
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedNotSentAndRetryable() throws Exception {
        try (RefusingPort down = new RefusingPort()) {
            ZuoraObjectsComponent component = new ZuoraObjectsComponent();
            component.getConfiguration().setBaseUrl(down.baseUrl());
            component.getConfiguration().setAccessToken("a-fixed-token");
            zuora.context.addComponent("zuoraDown", component);

            Exchange exchange = zuora.sendList("zuoraDown:Order?batchSize=10&maxRetries=2", orders("refused", 12));

            assertThat(failuresOf(exchange)).hasSize(12).allSatisfy(failure -> {
                assertThat(failure.retryable()).isTrue();
                assertThat(failure.message()).contains("could not connect");
            });
        }
        zuora.balance().assertHolds(0);
    }

    @Test
    void anAnswerThatNeverArrivesLeavesItsRecordsReportedNotRetryableThoughCreated() {
        // Zuora stores the call's records; the answer comes after the component stopped waiting
        simulator.faults().failNext(CREATE, 1, Fault.delay(Duration.ofMillis(RESPONSE_TIMEOUT_MILLIS * 2)));

        Exchange exchange = zuora.sendList(ORDERS, orders("late", 20));

        Ledger.Balance balance = zuora.balance().assertHolds(10);
        assertThat(balance.created()).isEqualTo(20);
        assertThat(failuresOf(exchange)).hasSize(10).allSatisfy(failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.httpStatus()).isNull();
            assertThat(failure.message()).contains("no response within " + RESPONSE_TIMEOUT_MILLIS + " ms");
        });
    }

    @ParameterizedTest(name = "200 with {0}")
    @ValueSource(strings = { "malformed JSON", "an HTML page", "an empty body" })
    void aSuccessStatusWithoutZuorasAnswerIsNotTakenForCreated(String body) {
        simulator.faults().failNext(CREATE, 1, switch (body) {
            case "malformed JSON" -> Fault.status(200, "{\"records\": [{\"Id\": ");
            case "an HTML page" -> new Fault.Status(200, "<html><body>Maintenance</body></html>",
                    Map.of("Content-Type", "text/html"));
            default -> Fault.status(200);
        });

        Exchange exchange = zuora.sendList(ORDERS, orders("garbled", 20));

        assertThat(zuora.balance().assertHolds(0).created()).isEqualTo(10);
        assertThat(failuresOf(exchange)).hasSize(10).allSatisfy(failure -> {
            assertThat(failure.httpStatus()).isEqualTo(200);
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.message()).contains("not the JSON object expected");
        });
    }

    @Test
    void a429StormWithResetHeadersPausesTheTenantAndEveryRecordIsCreated() {
        simulator.faults().failFor(CREATE, Duration.ofMillis(1_500), new Fault.Status(429,
                "{\"message\":\"Too many requests\"}",
                Map.of("Content-Type", "application/json", "Retry-After", "1", "RateLimit-Reset", "1")));
        long start = System.nanoTime();

        zuora.sendList(ORDERS, orders("storm", 30));

        assertThat(zuora.balance().assertHolds(0).created()).isEqualTo(30);
        assertThat(simulator.stats().tooManyRequests()).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a429StormWithoutResetHeadersShorterThanTheRetriesIsBackedOffAndEveryRecordIsCreated() {
        simulator.faults().failNext(CREATE, 3, Fault.status(429, "{\"message\":\"Too many requests\"}"));

        zuora.sendList(ORDERS, orders("backoff", 10));

        assertThat(zuora.balance().assertHolds(0).created()).isEqualTo(10);
        assertThat(simulator.stats().tooManyRequests()).isEqualTo(3);
    }

    @Test
    void a429StormOutlastingTheRetriesIsReportedRetryableAndAReDriveCreatesEveryRecord() {
        simulator.faults().failFor(CREATE, Duration.ofMinutes(1), Fault.status(429, "{\"message\":\"Too many\"}"));

        Exchange exchange = zuora.sendList(ORDERS + "&maxRetries=2", orders("outlasted", 20));

        assertThat(zuora.balance().assertHolds(0).created()).isZero();
        List<FailedRecord> failed = failuresOf(exchange);
        assertThat(failed).hasSize(20).allSatisfy(f -> {
            assertThat(f.httpStatus()).isEqualTo(429);
            assertThat(f.retryable()).isTrue();
        });
        redriveOnceTheFaultsAreGone(failed);
        assertThat(simulator.count(ZuoraHarness.ORDER)).isEqualTo(20);
    }

    @Test
    void a500With71012561NamingSomeRecordsSendsExactlyThoseAgainAndNoneIsCreatedTwice() {
        simulator.failNextCreateWithRetryableRecords(3);

        zuora.sendList(ORDERS, orders("retry-these", 30));

        assertThat(zuora.balance().assertHolds(0).created()).isEqualTo(30);
        assertThat(simulator.pendingRetryableRecordFaults()).isZero();
    }

    @Test
    void aTokenThatExpiresMidRunIsRenewedOnceAndTheRefusedCallsAreReplayed() throws Exception {
        simulator.setLatency(Duration.ofMillis(100));
        List<List<Map<String, Object>>> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bodies.add(orders("token-" + i, 20));
        }
        CompletableFuture<List<Exchange>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return zuora.sendListsConcurrently("zuora-objects:Order?batchSize=5", bodies);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.count(ZuoraHarness.ORDER) >= 10);

        simulator.revokeIssuedTokens();
        run.get();

        assertThat(zuora.balance().assertHolds(0).created()).isEqualTo(120);
        // one token before, one after: the calls refused meanwhile share a single new fetch
        assertThat(simulator.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aTokenEndpointDownForAWhileIsWaitedOutByTheTokenRetries() {
        simulator.faults().failNext(TOKEN, 2, Fault.status(503, "{\"message\":\"unavailable\"}"));

        zuora.sendList(ORDERS, orders("token-down", 20));

        assertThat(zuora.balance().assertHolds(0).created()).isEqualTo(20);
        assertThat(simulator.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aTokenEndpointDownLongerThanTheRetriesFailsTheRecordsAsNotSentAndRetryable() {
        simulator.faults().failFor(TOKEN, Duration.ofMinutes(1), Fault.status(503, "{\"message\":\"unavailable\"}"));

        Exchange exchange = zuora.sendList(ORDERS + "&maxRetries=1", orders("token-out", 20));

        zuora.balance().assertHolds(0);
        List<FailedRecord> failed = failuresOf(exchange);
        assertThat(failed).hasSize(20).allSatisfy(f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.message()).contains("OAuth token").contains("503").contains("not sent");
        });
        assertThat(simulator.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).isZero();
        redriveOnceTheFaultsAreGone(failed);
        assertThat(simulator.count(ZuoraHarness.ORDER)).isEqualTo(20);
    }

    @Test
    void aCallRefusedWithA400ForOneBadRecordFailsItAloneAndTheOthersAreRetryable() {
        simulator.registerDefinition(ObjectDefinition.builder(ZuoraHarness.ORDER)
                .field(FieldDefinition.string("OrderNumber__c").maxLength(64).required())
                .field(FieldDefinition.integer("Amount__c"))
                .field(FieldDefinition.string("Note__c").maxLength(5))
                .build());
        List<Map<String, Object>> records = orders("chunk400", 10);
        records.get(4).put("Note__c", "far too long");

        Exchange exchange = zuora.sendList(ORDERS, records);

        assertThat(zuora.balance().assertHolds(0).created()).isZero();
        List<FailedRecord> failed = failuresOf(exchange);
        assertThat(failed).filteredOn(f -> !f.retryable()).singleElement()
                .satisfies(f -> assertThat(f.index()).isEqualTo(4));
        // the innocent records of the refused call are re-driven and created, once each
        Exchange redriven = zuora.template.send(ORDERS, e -> e.getMessage().setBody(
                failed.stream().filter(FailedRecord::retryable).map(FailedRecord::record).toList()));
        assertThat(redriven.getException()).isNull();
        assertThat(simulator.count(ZuoraHarness.ORDER)).isEqualTo(9);
    }
}
