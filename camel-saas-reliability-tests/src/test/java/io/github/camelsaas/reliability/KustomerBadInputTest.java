package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.json.InvalidBodyException;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.kustomer.KustomerValidationException;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to kustomer: fails fast with a message naming the record and the rule, and no request is sent; names
 * that could change a path are refused when the endpoint is created (URI options) or per message (headers); values
 * that go into a path as data are encoded into one segment and never decoded into another path.
 */
class KustomerBadInputTest {

    static final KustomerSimulator simulator = new KustomerSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(simulator);

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() {
        simulator.restoreDefaultConfiguration();
        simulator.reset();
        context = KustomerHarness.startedDemoContext(simulator.baseUrl());
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    static Stream<Arguments> bodiesThatAreNotRecords() {
        return Stream.of(
                Arguments.of("null", null, "body is null, expected a JSON object, an array of JSON objects"),
                Arguments.of("text that is not JSON", "order 1, order 2", "body is not valid JSON"),
                Arguments.of("truncated JSON", "{\"title\": \"Order", "body is not valid JSON"),
                Arguments.of("bytes that are not JSON", "<xml/>".getBytes(StandardCharsets.UTF_8),
                        "body is not valid JSON"),
                Arguments.of("a stream that is not JSON", new ByteArrayInputStream(new byte[] { 1, 2, 3 }),
                        "body is not valid JSON"),
                Arguments.of("empty text", "  ", "body is empty"),
                Arguments.of("a JSON number", "42", "body is a number"),
                Arguments.of("a JSON string", "\"order\"", "body is a string"),
                Arguments.of("a JSON boolean", "true", "body is a boolean"),
                Arguments.of("JSON null", "null", "body is null"),
                Arguments.of("a JSON array with a number", "[{\"title\":\"a\"}, 7]", "record 1 is a number"),
                Arguments.of("a JSON array with an array", "[{\"title\":\"a\"}, [1]]", "record 1 is an array"),
                Arguments.of("a List with a number", List.of(Map.of("title", "a"), 7), "record 1 is a number"),
                Arguments.of("a List with a String that is not JSON", List.of(Map.of("title", "a"), "b"),
                        "record 1 is a string that is not valid JSON"),
                Arguments.of("a List with a JSON scalar", List.of(Map.of("title", "a"), "3"),
                        "record 1 is a string holding a JSON number"),
                Arguments.of("a List with a null", listWithNull(), "record 1 is null"),
                Arguments.of("a List with a List", List.of(Map.of("title", "a"), List.of(Map.of("title", "b"))),
                        "record 1 is an array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotRecords")
    void aBodyThatIsNotRecordsFailsNamingWhatItIsAndNothingIsSent(String what, Object body, String message) {
        Exception failure = refused("kustomer:kobjects?klass=order", body, Map.of());

        assertThat(failure).isInstanceOf(InvalidBodyException.class).hasMessageContaining(message);
    }

    @Test
    void oversizedStringsFailNamingTheRecordAndTheLimit() {
        Map<String, Object> order = order("Order 1");
        order.put("description", "d".repeat(10_241));
        order.put("externalId", "e".repeat(257));
        order.put("icon", "i".repeat(65));

        Exception failure = refused("kustomer:kobjects?klass=order", order, Map.of());

        assertThat(failure).isInstanceOf(KustomerValidationException.class)
                .hasMessageStartingWith("record 0 is invalid and was not sent: ")
                .hasMessageContaining("description must be at most 10240 characters, was 10241")
                .hasMessageContaining("externalId must be 1-256 characters, was 257")
                .hasMessageContaining("icon must be at most 64 characters, was 65");
    }

    @Test
    void invalidDatesAndUrlsFailNamingTheRecordAndTheField() {
        Map<String, Object> order = order("Order 1");
        order.put("createdAt", "yesterday");
        order.put("importedAt", "2024-13-01T00:00:00Z");
        order.put("images", List.of("https://cdn.example/ok.png", "not a url"));

        Exception failure = refused("kustomer:kobjects?klass=order", order, Map.of());

        assertThat(failure).hasMessageContaining("createdAt must be an ISO-8601 date-time")
                .hasMessageContaining("importedAt must be an ISO-8601 date-time")
                .hasMessageContaining("images[1] must be an absolute URL")
                .hasMessageNotContaining("images[0]");
    }

    @Test
    void aRecordOverTheRequestLimitFailsBeforeItIsSent() {
        Map<String, Object> order = order("Order 1");
        order.put("data", Map.of("blob", "b".repeat(110_000)));

        Exception failure = refused("kustomer:kobjects?klass=order", order, Map.of());

        assertThat(failure).hasMessageContaining("record 0").hasMessageContaining("over Kustomer's 100 kB");
    }

    @Test
    void inAListTheBadRecordsAreReportedByIndexAndTheGoodOnesStillGo() {
        List<Object> orders = new ArrayList<>();
        orders.add(order("Order 0"));
        Map<String, Object> badDate = order("Order 1");
        badDate.put("createdAt", "2024-02-30");
        orders.add(badDate);
        orders.add(order("Order 2"));
        Map<String, Object> longDescription = order("Order 3");
        longDescription.put("description", "d".repeat(10_241));
        orders.add(longDescription);

        Exchange exchange = send("kustomer:kobjects?klass=order", orders, Map.of());

        PartialFailureException partial = (PartialFailureException) exchange.getException();
        assertThat(partial.getFailedRecords()).extracting(FailedRecord::index).containsExactly(1, 3);
        assertThat(partial.getFailedRecords().get(0).message()).contains("createdAt must be an ISO-8601 date-time");
        assertThat(partial.getFailedRecords()).allSatisfy(failed -> assertThat(failed.retryable()).isFalse());
        assertThat(simulator.kobjects("order")).hasSize(2);
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}/bulk")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "..%2Forder", "order%3Fx%3D1", "order%23x", "or%2Fder", "or%20der", "ord%C3%A9r",
                             "RAW(../order)", "RAW(or der)", "%252E%252E" })
    void aKlassOptionThatIsNotAKlassNameFailsWhenTheEndpointIsCreated(String klass) {
        assertThatThrownBy(() -> context.getEndpoint("kustomer:kobjects?klass=" + klass))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("Invalid KObject klass name")
                .hasStackTraceContaining("allowed: letters, digits, _ and -");
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "..%2Fcustomers", "kobjects%2F..", "kobjects%23x", "kob%20jects", "kobjéts" })
    void aResourceThatIsNotOneOfTheSixFailsWhenTheEndpointIsCreated(String resource) {
        assertThatThrownBy(() -> context.getEndpoint("kustomer:" + resource + "?klass=order"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("kobjects, customers, companies, conversations, messages, notes");
    }

    @ParameterizedTest
    @ValueSource(strings = { "../order", "order?x=1", "order#x", "or/der", "or%2Fder", "or der", "ordér", "..",
                             "order\r\nX-Injected: 1", "" })
    void aKlassHeaderThatIsNotAKlassNameFailsTheMessageAndNothingIsSent(String klass) {
        Exception failure = refused("kustomer:kobjects?klass=order", order("Order 1"),
                Map.of(KustomerConstants.KLASS, klass));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid KObject klass name").hasMessageContaining("header CamelKustomerKlass");
    }

    static Stream<Arguments> pathHeadersThatCannotNameAResource() {
        List<Arguments> cases = new ArrayList<>();
        for (String value : List.of("..", ".", "o-1\r\nX-Injected: 1", "o-1\n", "")) {
            // reads take the value without surrounding whitespace: a trailing line break there is forgiven, and an
            // empty value is a missing one
            boolean readsRefuse = !value.isBlank() && !value.equals("o-1\n");
            String readMessage = value.isEmpty() ? "needs the header" : "it cannot name a Kustomer resource";
            if (readsRefuse || value.isEmpty()) {
                cases.add(Arguments.of("kobjects?klass=order&operation=get", KustomerConstants.ID, value, readMessage));
                cases.add(Arguments.of("kobjects?klass=order&operation=delete", KustomerConstants.ID, value,
                        readMessage));
                cases.add(Arguments.of("customers?operation=getByEmail", KustomerConstants.EMAIL, value, readMessage));
            }
            String writeMessage = "it cannot name a Kustomer resource";
            cases.add(Arguments.of("kobjects?klass=order&operation=update", KustomerConstants.ID, value, writeMessage));
            cases.add(Arguments.of("kobjects?klass=order", KustomerConstants.CUSTOMER_ID, value, writeMessage));
            cases.add(Arguments.of("kobjects?klass=order&operation=upsert", KustomerConstants.EXTERNAL_ID, value,
                    writeMessage));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("pathHeadersThatCannotNameAResource")
    void aHeaderThatWouldBeADotSegmentOrHoldsALineBreakFailsTheMessageAndNothingIsSent(String endpoint, String header,
                                                                                        String value, String message) {
        Exception failure = refused("kustomer:" + endpoint, order("Order 1"), Map.of(header, value));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header " + header)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../customers", "a/../../b", "..%2F..%2Fcustomers", "a?b=c", "a#b", "a b", "é",
                             "%2E%2E" })
    void pathCharactersInAnIdStayInsideTheirOneEncodedSegment(String id) {
        Exchange exchange = send("kustomer:kobjects?klass=order&operation=get", null,
                Map.of(KustomerConstants.ID, id));

        // Kustomer's answer to an id that is no id; what matters is where the request went
        assertThat(exchange.getException()).hasMessageContaining("GET /v1/klasses/order/{id}");
        assertThat(simulator.wireMock().getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl())
                        .isEqualTo("/v1/klasses/order/" + encoded(id)));
    }

    @Test
    void inAListARecordWhoseIdCannotNameAResourceFailsAloneAndTheOthersAreUpdated() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(send("kustomer:kobjects?klass=order", order("Order " + i), Map.of()).getMessage()
                    .getHeader(KustomerConstants.ID, String.class));
        }
        simulator.stats().reset();
        List<Map<String, Object>> updates = List.of(Map.of("id", ids.get(0), "title", "New 0"),
                Map.of("id", "..", "title", "New 1"), Map.of("id", ids.get(2), "title", "New 2"));

        Exchange exchange = send("kustomer:kobjects?klass=order&operation=update&bulk=false", updates, Map.of());

        PartialFailureException partial = (PartialFailureException) exchange.getException();
        assertThat(partial.getFailedRecords()).singleElement().satisfies(failed -> {
            assertThat(failed.index()).isEqualTo(1);
            assertThat(failed.message()).contains("id is '..', which a URL path resolves as a relative reference");
        });
        assertThat(partial.getSucceeded()).hasSize(2);
        assertThat(simulator.stats().calls("PUT /v1/klasses/{name}/{id}")).isEqualTo(2);
        assertThat(simulator.stats().totalCalls()).isEqualTo(2);
    }

    @Test
    void aRecordsCustomerThatWouldBeADotSegmentIsRefusedNotSentToAnotherPath() {
        Exception failure = refused("kustomer:kobjects?klass=order", Map.of("title", "Order 1", "customer", ".."),
                Map.of());

        // sent, /v1/customers/../klasses/order would be resolved to /v1/klasses/order: a KObject of no customer
        assertThat(failure).isInstanceOf(KustomerValidationException.class)
                .hasMessageContaining("record 0 is invalid and was not sent")
                .hasMessageContaining("customer is '..'");
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters and @, upper-case hex. */
    private static String encoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static List<Object> listWithNull() {
        List<Object> list = new ArrayList<>();
        list.add(Map.of("title", "a"));
        list.add(null);
        return list;
    }

    private static Map<String, Object> order(String title) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("title", title);
        return order;
    }

    /** Sends, expects the exchange to fail, and that nothing reached the server. */
    private Exception refused(String uri, Object body, Map<String, Object> headers) {
        return Exchanges.failedWithNothingSent(send(uri, body, headers), simulator);
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return Exchanges.send(template, uri, body, headers);
    }
}
