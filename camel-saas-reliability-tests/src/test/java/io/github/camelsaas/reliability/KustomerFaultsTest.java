package io.github.camelsaas.reliability;

import static io.github.camelsaas.reliability.TestRecords.kobject;
import static io.github.camelsaas.reliability.TestRecords.kobjects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on the way to Kustomer, each checked against the accounting invariant ({@link Ledger}). Records with an
 * even number carry an externalId (the component can look them up after an uncertain outcome), odd ones do not.
 * Faults the component tests already prove for a single record are referenced in RELIABILITY.md, not repeated.
 */
class KustomerFaultsTest {

    private static final String BULK = "/v1/klasses/order/bulk";
    private static final String CREATE = "/v1/klasses/order";
    private static final String KOBJECTS = "kustomer:kobjects?klass=order&bulkSize=10&maxRetries=3";
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(800);

    private static final KustomerSimulator simulator = new KustomerSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(simulator);
    private KustomerHarness kustomer;

    @BeforeEach
    void startCamel() throws Exception {
        kustomer = new KustomerHarness(simulator, RESPONSE_TIMEOUT).start();
    }

    @AfterEach
    void stopCamel() {
        kustomer.close();
    }

    private static String errors(int status) {
        return "{\"errors\":[{\"status\":" + status + ",\"code\":\"fault\",\"title\":\"injected " + status + "\"}]}";
    }

    @Test
    void aConnectionResetOnABulkCreateLooksUpTheRecordsWithExternalIdAndReportsTheOthers() {
        simulator.faults().failNext(BULK, 1, Fault.connectionReset());

        kustomer.sendList(KOBJECTS, kobjects("reset", 10));

        Ledger.Balance balance = kustomer.balance().assertHolds(0);
        assertThat(balance.created()).isEqualTo(5);
        assertThat(kustomer.ledger.failures()).hasSize(5).allSatisfy(failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.message()).contains("may have been applied");
        });
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedNotSentAndRetryable() throws Exception {
        try (RefusingPort down = new RefusingPort()) {
            kustomer.context.addComponent("kustomerDown", KustomerHarness.component(down.baseUrl(), RESPONSE_TIMEOUT));
            String uri = "kustomerDown:kobjects?klass=order&bulkSize=10&maxRetries=2";

            kustomer.sendList(uri, kobjects("refused", 4));
            kustomer.sendOne(uri, kobject("refused-single", false));
        }

        kustomer.balance().assertHolds(0);
        assertThat(kustomer.ledger.failures()).hasSize(5).allSatisfy(failure -> {
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.message()).contains("could not connect");
        });
    }

    @Test
    void anAnswerThatNeverArrivesLeavesRecordsWithoutExternalIdReportedNotRetryableThoughCreated() {
        // Kustomer stores the records; the answers come after the component stopped waiting
        simulator.faults().failNext(BULK, 1, Fault.delay(RESPONSE_TIMEOUT.multipliedBy(2)));
        simulator.faults().failNext(CREATE, 1, Fault.delay(RESPONSE_TIMEOUT.multipliedBy(2)));

        kustomer.sendList(KOBJECTS, kobjects("late", 10));
        Exchange single = kustomer.sendOne(KOBJECTS, kobject("late-single", false));

        // 5 odd bulk records and the single one exist but were reported failed: the ambiguous case, counted
        Ledger.Balance balance = kustomer.balance().assertHolds(6);
        assertThat(balance.created()).isEqualTo(11);
        assertThat(balance.ambiguous()).allSatisfy(failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.message()).contains("no response within 800 ms").contains("may have been applied");
        });
        assertThat(single.getException()).isInstanceOf(RecordFailedException.class);
    }

    @ParameterizedTest(name = "200 with {0}")
    @ValueSource(strings = { "malformed JSON", "an HTML page", "an empty body" })
    void aSuccessStatusWithoutAKustomerDocumentIsNotTakenForCreated(String body) {
        Fault fault = switch (body) {
            case "malformed JSON" -> Fault.status(200, "{\"data\": {\"type\": \"bulk\", ");
            case "an HTML page" -> new Fault.Status(200, "<html><body>Service maintenance</body></html>",
                    Map.of("Content-Type", "text/html"));
            default -> Fault.status(200);
        };
        simulator.faults().failNext(BULK, 1, fault);
        kustomer.sendList(KOBJECTS, kobjects("garbled", 6));
        simulator.faults().failNext(CREATE, 1, fault);
        Exchange single = kustomer.sendOne(KOBJECTS, kobject("garbled-single", false));

        // nothing of the garbled calls was stored: the records with externalId are looked up and created
        Ledger.Balance balance = kustomer.balance().assertHolds(0);
        assertThat(balance.created()).isEqualTo(3);
        assertThat(kustomer.ledger.failures()).hasSize(4).allSatisfy(failure -> {
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.status()).isEqualTo(200);
        });
        assertThat(single.getException()).isInstanceOf(RecordFailedException.class);
    }

    @Test
    void a429StormWithResetHeadersIsWaitedOutAndEveryRecordIsCreated() throws Exception {
        long resetEpochSeconds = System.currentTimeMillis() / 1000 + 2;
        simulator.faults().failFor(CREATE + ".*", Duration.ofMillis(1_500), new Fault.Status(429, errors(429),
                Map.of("Content-Type", "application/json", "Retry-After", "1",
                        "x-ratelimit-reset", String.valueOf(resetEpochSeconds))));
        long start = System.nanoTime();

        kustomer.sendList(KOBJECTS, kobjects("storm", 20));
        kustomer.sendEachConcurrently(KOBJECTS, List.of(kobject("storm-a", true), kobject("storm-b", false)));

        assertThat(kustomer.balance().assertHolds(0).created()).isEqualTo(22);
        assertThat(simulator.stats().tooManyRequests()).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a429StormWithoutResetHeadersShorterThanTheRetriesIsBackedOffAndEveryRecordIsCreated() {
        simulator.faults().failNext(BULK, 3, Fault.status(429, errors(429)));

        kustomer.sendList(KOBJECTS, kobjects("backoff", 10));

        assertThat(kustomer.balance().assertHolds(0).created()).isEqualTo(10);
        assertThat(simulator.stats().tooManyRequests()).isEqualTo(3);
    }

    @Test
    void a429StormOutlastingTheRetriesIsReportedRetryableAndAReDriveCreatesEveryRecord() {
        simulator.faults().failFor(CREATE + ".*", Duration.ofMinutes(1), Fault.status(429, errors(429)));
        List<Map<String, Object>> records = kobjects("outlasted", 10);

        Exchange exchange = kustomer.sendList(KOBJECTS.replace("maxRetries=3", "maxRetries=2"), records);

        assertThat(kustomer.balance().assertHolds(0).created()).isZero();
        List<FailedRecord> failed = ((PartialFailureException) exchange.getException()).getFailedRecords();
        assertThat(failed).hasSize(10).allSatisfy(f -> {
            assertThat(f.httpStatus()).isEqualTo(429);
            assertThat(f.retryable()).isTrue();
        });
        // the storm ends; a dead-letter route re-drives what was reported retryable
        simulator.faults().reset();
        Exchange redriven = kustomer.template.send(KOBJECTS, e -> e.getMessage().setBody(
                failed.stream().map(FailedRecord::record).toList()));
        assertThat(redriven.getException()).isNull();
        assertThat(simulator.kobjects(KustomerHarness.KLASS)).hasSize(10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = { 500, 502, 503, 504 })
    void aServerErrorOnABulkCreateCreatesTheRecordsWithExternalIdAfterALookupAndReportsTheOthers(int status) {
        simulator.faults().failNext(BULK, 1, Fault.status(status, errors(status)));

        kustomer.sendList(KOBJECTS, kobjects("status" + status, 10));

        Ledger.Balance balance = kustomer.balance().assertHolds(0);
        assertThat(balance.created()).isEqualTo(5);
        assertThat(kustomer.ledger.failures()).hasSize(5).allSatisfy(failure -> {
            assertThat(failure.status()).isEqualTo(status);
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.message()).contains("injected " + status).contains("may have been applied");
        });
    }

    @Test
    void aServerErrorOnACoalescedBulkCallGivesEachExchangeItsOwnOutcome() throws Exception {
        simulator.faults().failNext(BULK, 1, Fault.status(502, errors(502)));

        List<Exchange> exchanges = kustomer.sendEachConcurrently(
                "kustomer:kobjects?klass=order&batchWindow=300&maxRetries=3", kobjects("coalesced", 8));

        assertThat(kustomer.balance().assertHolds(0).created()).isEqualTo(4);
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}/bulk")).isLessThanOrEqualTo(1);
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange exchange = exchanges.get(i);
            if (i % 2 == 0) {
                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getMessage().getHeader(KustomerConstants.ID)).isNotNull();
            } else {
                assertThat(exchange.getException()).isInstanceOf(RecordFailedException.class);
            }
        }
    }

    @Test
    void aChunkRefusedWithA400ForOneBadRecordStillCreatesTheOthers() {
        List<Map<String, Object>> records = kobjects("chunk400", 10);
        // a title over Kustomer's 256 characters, sent as is (validate=false): the server refuses the whole chunk
        Map<String, Object> bad = kobject("chunk400-bad-" + "x".repeat(300), false);
        records.set(4, bad);

        kustomer.sendList(KOBJECTS + "&validate=false", records);

        assertThat(kustomer.balance().assertHolds(0).created()).isEqualTo(9);
        assertThat(kustomer.ledger.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.message()).contains("title");
        });
    }

    @Test
    void a413HalvesTheChunkAndEveryRecordIsCreated() {
        simulator.faults().failNext(BULK, 1, Fault.status(413, errors(413)));

        kustomer.sendList(KOBJECTS, kobjects("large", 10));

        assertThat(kustomer.balance().assertHolds(0).created()).isEqualTo(10);
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}/bulk")).isEqualTo(2);
    }
}
