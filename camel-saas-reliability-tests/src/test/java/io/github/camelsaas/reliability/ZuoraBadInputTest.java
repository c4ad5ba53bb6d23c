package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to zuora-objects: fails fast with a message naming the record and the rule, and no request is sent (not
 * even for a token); names and header values that could change a path or a header are refused when the endpoint is
 * created (URI options) or per message (headers). What only the object's definition can tell (a field's type,
 * format, length) is Zuora's to check: those records come back failed one by one, each with Zuora's reason.
 */
class ZuoraBadInputTest {

    static final ZuoraSimulator zuora = new ZuoraSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(zuora);

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() {
        context = ZuoraHarness.startedDemoContext(zuora, shared -> { });
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    static Stream<Arguments> bodiesThatAreNotRecords() {
        return Stream.of(
                Arguments.of("null", null, "body is null, expected a JSON object, an array of JSON objects"),
                Arguments.of("text that is not JSON", "Name__c=o-1", "body is not valid JSON"),
                Arguments.of("truncated JSON", "[{\"Name__c\": \"o-1\"}", "body is not valid JSON"),
                Arguments.of("bytes that are not JSON", "<xml/>".getBytes(StandardCharsets.UTF_8),
                        "body is not valid JSON"),
                Arguments.of("a JSON number", "42", "body is a number"),
                Arguments.of("a JSON string", "\"o-1\"", "body is a string"),
                Arguments.of("JSON null", "null", "body is null"),
                Arguments.of("a JSON array with a number", "[{\"Name__c\":\"o-1\"}, 7]", "record 1 is a number"),
                Arguments.of("a List with a boolean", List.of(Map.of("Name__c", "o-1"), true),
                        "record 1 is a boolean"),
                Arguments.of("a List with a List", List.of(Map.of("Name__c", "o-1"), List.of()),
                        "record 1 is an array"));
    }

    /** Lists whose one record breaks a rule of Zuora's custom fields: the record's index and the rule broken. */
    static Stream<Arguments> listsWithARecordZuoraCannotStore() {
        return Stream.of(
                Arguments.of("a nested object in record 2", List.of(withId(0, "Name__c", "o-1"),
                        withId(1, "Name__c", "o-2"), withId(2, "Address__c", Map.of("city", "Paris"))), 2,
                        "field Address__c holds an object"),
                Arguments.of("an array in record 1", List.of(withId(0, "Name__c", "o-1"), withId(1, "Tags__c",
                        List.of("a", "b"))), 1, "field Tags__c holds an array"),
                Arguments.of("8,193 characters in record 1", List.of(withId(0, "Name__c", "o-1"),
                        withId(1, "Notes__c", "n".repeat(8_193))), 1, "field Notes__c is 8193 characters long; "
                        + "no Zuora custom field holds more than 8192"));
    }

    /** A record with an Id, so that batchUpdate gets past the id to the field checked. */
    private static Map<String, Object> withId(int n, String field, Object value) {
        return Map.of("Id", "1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a" + n + "b", field, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotRecords")
    void aBodyThatIsNotRecordsZuoraCanStoreFailsNamingWhatItIsAndNothingIsSent(String what, Object body,
                                                                                String message) {
        for (String operation : List.of("create", "batchUpdate")) {
            Exception failure = refused("zuora-objects:Order?operation=" + operation, body, Map.of());

            assertThat(failure).as(operation).isInstanceOf(InvalidBodyException.class)
                    .hasMessageContaining(message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listsWithARecordZuoraCannotStore")
    void aBatchUpdateReportsTheRecordZuoraCannotStoreNamingTheRuleAndSendsTheOthers(String what, List<?> body,
                                                                                   int index, String rule) {
        Exchange exchange = send("zuora-objects:Order?operation=batchUpdate", body, Map.of());

        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class);
        PartialFailureException failure = (PartialFailureException) exchange.getException();
        assertThat(failure.getFailedRecords()).filteredOn(FailedRecord::validationFailure).singleElement()
                .satisfies(invalid -> {
                    assertThat(invalid.index()).isEqualTo(index);
                    assertThat(invalid.message()).contains("Record " + index + " " + rule);
                });
        assertThat(zuora.stats().calls(ZuoraRoute.BATCH_RECORDS.key())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listsWithARecordZuoraCannotStore")
    void aCreatedListReportsTheRecordZuoraCannotStoreAndSendsTheOthers(String what, List<?> body, int index,
                                                                    String rule) {
        Exchange exchange = send("zuora-objects:Order", body, Map.of());

        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class);
        PartialFailureException failure = (PartialFailureException) exchange.getException();
        assertThat(failure.getFailedRecords()).singleElement().satisfies(invalid -> {
            assertThat(invalid.index()).isEqualTo(index);
            assertThat(invalid.validationFailure()).isTrue();
            assertThat(invalid.retryable()).isFalse();
            assertThat(invalid.message()).contains(rule);
        });
        assertThat(failure.getSucceeded()).hasSize(body.size() - 1);
        assertThat(zuora.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).isEqualTo(1);
    }

    @Test
    void whatOnlyTheDefinitionTellsIsZuorasToCheckAndComesBackRecordByRecord() {
        zuora.registerDefinition(ObjectDefinition.builder("Shipment")
                .field(FieldDefinition.string("Name__c").maxLength(20))
                .field(FieldDefinition.date("ShipDate__c"))
                .field(FieldDefinition.integer("Boxes__c")).build());
        List<Map<String, Object>> shipments = List.of(
                Map.of("Name__c", "s-0", "ShipDate__c", "2024-05-01"),
                Map.of("Name__c", "s-1", "ShipDate__c", "01/05/2024"),
                Map.of("Name__c", "s".repeat(21)),
                Map.of("Name__c", "s-3", "Boxes__c", "three"),
                Map.of("Name__c", "s-4"));

        Exchange exchange = send("zuora-objects:Shipment?allowPartialSuccess=true", shipments, Map.of());

        PartialFailureException partial = (PartialFailureException) exchange.getException();
        assertThat(partial.getFailedRecords()).extracting(FailedRecord::index).containsExactly(1, 2, 3);
        assertThat(partial.getFailedRecords()).extracting(FailedRecord::message).satisfiesExactly(
                date -> assertThat(date).contains("ShipDate__c").contains("date"),
                length -> assertThat(length).contains("Name__c").contains("21 characters long"),
                integer -> assertThat(integer).contains("Boxes__c").contains("integer"));
        assertThat(partial.getFailedRecords()).allSatisfy(failed -> assertThat(failed.retryable()).isFalse());
        assertThat(zuora.count("Shipment")).isEqualTo(2);
        assertThat(zuora.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../Order", "..%2FOrder", "Order%2F..%2Fsecrets", "Order%23x", "Or%20der", "Or+der",
                             "%2E%2E", "Ord%C3%A9r" })
    void anObjectNameThatIsNotAnApiNameFailsWhenTheEndpointIsCreated(String object) {
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:" + object))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("Invalid Zuora custom object name")
                .hasStackTraceContaining("1 to 64 letters, digits or underscores");
        assertThat(zuora.stats().totalCalls()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "trackId=run-1%0D%0AX-Injected:%201    | Invalid Zuora-Track-Id in option trackId: it contains a line break",
        "entityIds=e-1%0D%0Ae-2                | Invalid entityIds: it contains a control character",
        "orgIds=o-1%0A                         | Invalid orgIds: it contains a control character",
        "zuoraVersion=2024-01-01%0D            | Invalid zuoraVersion: it contains a control character",
    })
    void aHeaderOptionWithALineBreakFailsWhenTheEndpointIsCreated(String option, String message) {
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:Order?" + option))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "..", ".", "a/b", "a%2Fb", "a b", "é", "a?b", "a#b",
                             "1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\r\nX-Injected: 1" })
    void aRecordIdThatIsNotAPlainTokenFailsTheMessageForEveryOperationAndNothingIsSent(String id) {
        for (String operation : List.of("get", "update", "patch", "delete")) {
            Exception failure = refused("zuora-objects:Order?operation=" + operation, Map.of("Name__c", "o-1"),
                    Map.of(ZuoraObjectsConstants.ID, id));

            assertThat(failure).as(operation).hasMessageContaining("Invalid record id in header CamelZuoraObjectsId");
        }
        Exception batch = refused("zuora-objects:Order?operation=batchUpdate", List.of(Map.of("Id", id,
                "Name__c", "o-1")), Map.of());
        assertThat(batch).isInstanceOf(PartialFailureException.class);
        assertThat(((PartialFailureException) batch).getFailedRecords().get(0).message())
                .contains("Invalid record id in record 0");
    }

    @Test
    void aFilterHeaderIsOneEncodedQueryParameterWhateverItHolds() {
        String filter = "Name__c.EQ:o-1&pageSize=1&cursor=x\r\nX-Injected: 1#frag";

        Exchange exchange = send("zuora-objects:Order?operation=query", null,
                Map.of(ZuoraObjectsConstants.FILTER, filter));

        assertThat(exchange.getException()).isNull();
        String url = zuora.wireMock().getAllServeEvents().stream().map(event -> event.getRequest().getUrl())
                .filter(u -> u.startsWith("/objects/")).findFirst().orElseThrow();
        assertThat(url).isEqualTo("/objects/records/default/Order?pageSize=1000&q=Name__c.EQ%3Ao-1%26pageSize%3D1"
                + "%26cursor%3Dx%0D%0AX-Injected%3A%201%23frag");
    }

    /** Sends, expects the exchange to fail, and that nothing (no data call, no token call) reached Zuora. */
    private Exception refused(String uri, Object body, Map<String, Object> headers) {
        return Exchanges.failedWithNothingSent(send(uri, body, headers), zuora);
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return Exchanges.send(template, uri, body, headers);
    }
}
