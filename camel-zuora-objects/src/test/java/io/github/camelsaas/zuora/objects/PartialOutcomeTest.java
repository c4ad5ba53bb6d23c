package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/**
 * Partial outcomes of create: records named in error.details fail and the rest succeed, a 400 sinks only its own
 * call, records Zuora asks to retry (500 / 71012561) are the only ones sent again, and every input record ends
 * exactly once in the created list or among the failed ones.
 */
class PartialOutcomeTest extends ZuoraTestSupport {

    private static final String VEHICLE = "Vehicle";
    private static final String VEHICLE_PATH = "/objects/records/default/" + VEHICLE;

    @BeforeEach
    void defineVehicle() {
        zuora.registerDefinition(ObjectDefinition.builder(VEHICLE)
                .field(FieldDefinition.string("DeviceId__c").maxLength(8).required())
                .field(FieldDefinition.integer("Seats__c"))
                .build());
    }

    private static List<Map<String, Object>> vehicles(String... deviceIds) {
        List<Map<String, Object>> vehicles = new ArrayList<>();
        for (String id : deviceIds) {
            vehicles.add(Map.of("DeviceId__c", id, "Seats__c", 4));
        }
        return vehicles;
    }

    /** An id over the definition's maximum length: Zuora refuses it. */
    private static final String TOO_LONG = "TOO-LONG-ID";

    @Test
    void withPartialSuccessTheRecordsNamedInDetailsFailAndTheOthersAreCreated() {
        Exchange exchange = send("zuora-objects:Vehicle?allowPartialSuccess=true&failOnPartialFailure=false",
                vehicles("V-0", TOO_LONG, "V-2", TOO_LONG, "V-4"));

        assertThat(exchange.getException()).isNull();
        List<Map<String, Object>> created = exchange.getMessage().getBody(List.class);
        assertThat(created).extracting(r -> r.get("DeviceId__c")).containsExactly("V-0", "V-2", "V-4");
        assertThat(created).allSatisfy(r -> assertThat(r).containsKey("Id"));
        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).extracting(FailedRecord::index).containsExactly(1, 3);
        assertThat(failed).allSatisfy(f -> {
            assertThat(f.httpStatus()).isEqualTo(200);
            assertThat(f.vendorCode()).isEqualTo("71012520");
            assertThat(f.retryable()).isFalse();
            assertThat(f.record()).isEqualTo(Map.of("DeviceId__c", TOO_LONG, "Seats__c", 4));
        });
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(1);
        assertThat(zuora.count(VEHICLE)).isEqualTo(3);
        assertThat(json0()).containsEntry("allowPartialSuccess", true);
    }

    @Test
    void identicalBadRecordsAreEachMatchedToTheirOwnIndex() {
        Exchange exchange = send("zuora-objects:Vehicle?allowPartialSuccess=true&failOnPartialFailure=false",
                vehicles(TOO_LONG, "V-1", TOO_LONG, TOO_LONG));

        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).extracting(FailedRecord::index).containsExactly(0, 2, 3);
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(1);
    }

    @Test
    void withoutPartialSuccessA400FailsEveryRecordOfItsCallWhileOtherCallsStillGo() {
        List<Map<String, Object>> input = vehicles("V-0", "V-1", "V-2", TOO_LONG, "V-4", "V-5");

        Exchange exchange = send("zuora-objects:Vehicle?batchSize=2", input);

        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class);
        PartialFailureException failure = (PartialFailureException) exchange.getException();
        assertThat(failure.getTotalRecords()).isEqualTo(6);
        assertThat(new ArrayList<Object>(failure.getSucceeded())).extracting(r -> field(r, "DeviceId__c"))
                .containsExactly("V-0", "V-1", "V-4", "V-5");
        assertThat(failure.getFailedRecords()).extracting(FailedRecord::index).containsExactly(2, 3);
        FailedRecord innocent = failure.getFailedRecords().get(0);
        FailedRecord guilty = failure.getFailedRecords().get(1);
        assertThat(innocent.httpStatus()).isEqualTo(400);
        assertThat(innocent.retryable()).isTrue();
        assertThat(innocent.message()).contains("other records in it failed validation");
        assertThat(guilty.httpStatus()).isEqualTo(400);
        assertThat(guilty.retryable()).isFalse();
        assertThat(guilty.vendorCode()).isEqualTo("71012520");
        assertThat(failure.getMessage()).startsWith("2 of 6 records failed: #2 (400");
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(3);
        assertThat(zuora.count(VEHICLE)).isEqualTo(4);
    }

    @Test
    void a500AskingForRetryWithoutNamingRecordsSendsTheWholeCallAgain() {
        zuora.faults().failNext(VEHICLE_PATH, 1, Fault.status(500,
                "{\"code\":71012561,\"message\":\"Unabled to create object records, please try again later.\"}"));
        List<Map<String, Object>> input = vehicles("N-0", "N-1", "N-2");

        Exchange exchange = send("zuora-objects:Vehicle?failOnPartialFailure=false", input);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class)).isEmpty();
        assertThat(requestsTo(VEHICLE_PATH)).hasSize(2);
        assertThat(zuora.records(VEHICLE)).extracting(r -> r.get("DeviceId__c"))
                .containsExactlyInAnyOrder("N-0", "N-1", "N-2");
    }

    @Test
    void a500AskingForRetrySendsAgainExactlyTheReturnedRecords() throws Exception {
        zuora.failNextCreateWithRetryableRecords(1, 3);
        List<Map<String, Object>> input = vehicles(IntStream.range(0, 10).mapToObj(i -> "R-" + i)
                .toArray(String[]::new));

        Exchange exchange = send("zuora-objects:Vehicle", input);

        assertThat(exchange.getException()).isNull();
        List<LoggedRequest> calls = requestsTo(VEHICLE_PATH);
        assertThat(calls).hasSize(2);
        List<Object> retried = recordsSent(calls.get(1)).stream().map(r -> r.get("DeviceId__c")).toList();
        assertThat(retried).hasSize(3).doesNotHaveDuplicates();
        assertThat(zuora.count(VEHICLE)).isEqualTo(10);
        assertThat(zuora.records(VEHICLE)).extracting(r -> r.get("DeviceId__c")).doesNotHaveDuplicates();
        List<Map<String, Object>> created = exchange.getMessage().getBody(List.class);
        assertThat(created).extracting(r -> r.get("DeviceId__c"))
                .containsExactlyElementsOf(input.stream().map(r -> r.get("DeviceId__c")).toList());
        // the retried ones come back from Zuora with their Id; the others were not returned by the 500
        assertThat(created).filteredOn(r -> retried.contains(r.get("DeviceId__c")))
                .allSatisfy(r -> assertThat(r).containsKey("Id"));
        assertThat(exchange.getMessage().getHeader(ZuoraObjectsConstants.REQUEST_COUNT)).isEqualTo(2);
    }

    @Test
    void recordsStillToRetryAfterMaxRetriesFailAsRetryable() {
        zuora.failNextCreateWithRetryableRecords(2, 1);

        Exchange exchange = send("zuora-objects:Vehicle?maxRetries=1&failOnPartialFailure=false",
                vehicles("A-0", "A-1", "A-2", "A-3"));

        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.vendorCode()).isEqualTo("71012561");
            assertThat(f.retryable()).isTrue();
        });
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(3);
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(2);
        assertThat(zuora.count(VEHICLE)).isEqualTo(3);
    }

    @Test
    void aServerErrorOnACreateIsNotReplayedAndFailsItsRecordsOnly() {
        zuora.faults().failNext(VEHICLE_PATH, 1, Fault.status(503, "{\"message\":\"down\"}"));

        Exchange exchange = send("zuora-objects:Vehicle?batchSize=2&failOnPartialFailure=false",
                vehicles("S-0", "S-1", "S-2", "S-3"));

        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).hasSize(2).allSatisfy(f -> {
            assertThat(f.httpStatus()).isEqualTo(503);
            assertThat(f.retryable()).isTrue();
        });
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(2);
        // two calls, one per chunk: the 503 was not replayed (queued faults bypass the route counters)
        assertThat(requestsTo(VEHICLE_PATH)).hasSize(2);
        assertThat(zuora.count(VEHICLE)).isEqualTo(2);
    }

    @Test
    void aGatewayTimeoutOnACreateIsNotMarkedRetryableBecauseTheRecordsMayExist() {
        zuora.faults().failNext(VEHICLE_PATH, 1, Fault.status(504, "{\"message\":\"gateway timeout\"}"));

        Exchange exchange = send("zuora-objects:Vehicle?failOnPartialFailure=false", vehicles("G-0", "G-1"));

        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).hasSize(2).allSatisfy(f -> {
            assertThat(f.httpStatus()).isEqualTo(504);
            assertThat(f.retryable()).isFalse();
            assertThat(f.message()).contains("may have been created");
        });
        assertThat(requestsTo(VEHICLE_PATH)).hasSize(1);
    }

    @Test
    void aConnectionResetOnACreateIsNotReplayedBecauseTheRecordsMayExist() {
        zuora.faults().failNext(VEHICLE_PATH, 1, Fault.connectionReset());

        Exchange exchange = send("zuora-objects:Vehicle?failOnPartialFailure=false", vehicles("C-0", "C-1"));

        List<FailedRecord> failed = exchange.getMessage().getHeader(ZuoraObjectsConstants.FAILED_RECORDS, List.class);
        assertThat(failed).hasSize(2).allSatisfy(f -> {
            assertThat(f.httpStatus()).isNull();
            assertThat(f.retryable()).isFalse();
        });
        assertThat(zuora.faults().pending()).isZero();
        assertThat(requestsTo(VEHICLE_PATH)).hasSize(1);
        assertThat(zuora.count(VEHICLE)).isZero();
    }

    @Test
    void everyInputRecordIsAccountedForExactlyOnceUnderMixedOutcomes() {
        zuora.failNextCreateWithRetryableRecords(2, 2);
        List<Map<String, Object>> input = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            input.add(Map.of("DeviceId__c", i % 7 == 3 ? TOO_LONG : "M-" + i, "Seats__c", i));
        }

        Exchange exchange = send("zuora-objects:Vehicle?batchSize=10&allowPartialSuccess=true", input);

        PartialFailureException failure = (PartialFailureException) exchange.getException();
        List<Integer> failedIndexes = failure.getFailedRecords().stream().map(FailedRecord::index).toList();
        assertThat(failedIndexes).containsExactlyElementsOf(
                IntStream.range(0, 50).filter(i -> i % 7 == 3).boxed().toList());
        assertThat(failure.getSucceeded()).hasSize(50 - failedIndexes.size());
        assertThat(new ArrayList<Object>(failure.getSucceeded())).extracting(r -> field(r, "Seats__c"))
                .containsExactlyElementsOf(IntStream.range(0, 50).filter(i -> i % 7 != 3).boxed().toList());
        assertThat(zuora.count(VEHICLE)).isEqualTo(failure.getSucceeded().size());
        assertThat(calls(ZuoraRoute.CREATE_RECORDS)).isEqualTo(5 + 2);
    }

    private static Object field(Object record, String name) {
        return ((Map<?, ?>) record).get(name);
    }

    private Map<String, Object> json0() {
        try {
            return json(requestsTo(VEHICLE_PATH).get(0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
