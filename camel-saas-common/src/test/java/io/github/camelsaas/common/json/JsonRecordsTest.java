package io.github.camelsaas.common.json;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class JsonRecordsTest {

    private final JsonRecords json = new JsonRecords();

    /** A POJO record as a user would send it. */
    public static class Customer {
        public String name;
        public String email;
        public Instant createdAt;
        public Address address;

        Customer(String name, String email) {
            this.name = name;
            this.email = email;
        }
    }

    public static class Address {
        public String city = "Lyon";
    }

    public static class OrderSummary {
        public String id;
        public int count;
    }

    enum Color {
        RED
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Nested
    class AcceptedBodies {

        @Test
        void mapIsOneRecordCopiedDeeply() {
            Map<String, Object> input = map("name", "Ada", "address", new Address(), "tags", List.of("a"));

            List<Map<String, Object>> records = json.toRecords(input);

            assertThat(records).containsExactly(map("name", "Ada", "address", map("city", "Lyon"),
                    "tags", List.of("a")));
            records.get(0).put("name", "changed");
            records.add(map());
            assertThat(input).containsEntry("name", "Ada");
        }

        @Test
        void listOfMixedElementsKeepsOrder() {
            List<Object> input = List.of(
                    map("n", 1),
                    new Customer("Bob", null),
                    "{\"n\":3}",
                    "{\"n\":4}".getBytes(UTF_8),
                    json.mapper().createObjectNode().put("n", 5));

            List<Map<String, Object>> records = json.toRecords(input);

            assertThat(records).hasSize(5);
            assertThat(records.get(0)).containsExactly(entry("n", 1));
            assertThat(records.get(1)).containsEntry("name", "Bob").containsEntry("email", null);
            assertThat(records.get(2)).containsExactly(entry("n", 3));
            assertThat(records.get(3)).containsExactly(entry("n", 4));
            assertThat(records.get(4)).containsExactly(entry("n", 5));
        }

        @Test
        void collectionIterableIteratorAndArrayKeepOrder() {
            List<Map<String, Object>> source = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                source.add(map("i", i));
            }
            Iterable<Map<String, Object>> iterable = source::iterator; // not a Collection
            Iterator<Map<String, Object>> iterator = source.iterator();

            assertThat(json.toRecords(new LinkedHashSet<>(source))).isEqualTo(source);
            assertThat(json.toRecords(iterable)).isEqualTo(source);
            assertThat(json.toRecords(iterator)).isEqualTo(source);
            assertThat(json.toRecords(source.toArray())).isEqualTo(source);
        }

        @Test
        void pojoIsOneRecordWithNestedObjectsAndIsoDates() {
            Customer customer = new Customer("Ada", "ada@example.com");
            customer.createdAt = Instant.parse("2024-05-06T07:08:09Z");
            customer.address = new Address();

            Map<String, Object> record = json.toRecord(customer);

            assertThat(record).containsExactly(
                    entry("name", "Ada"),
                    entry("email", "ada@example.com"),
                    entry("createdAt", "2024-05-06T07:08:09Z"),
                    entry("address", map("city", "Lyon")));
        }

        @Test
        void jsonTextAsStringBytesAndStream() {
            String object = "{\"b\":2,\"a\":1}";
            String array = "[{\"i\":0},{\"i\":1},{\"i\":2}]";

            assertThat(json.toRecords(object)).containsExactly(map("b", 2, "a", 1));
            assertThat(json.toRecords(array.getBytes(UTF_8)))
                    .containsExactly(map("i", 0), map("i", 1), map("i", 2));
            assertThat(json.toRecords(new ByteArrayInputStream(array.getBytes(UTF_8))))
                    .extracting(r -> r.get("i")).containsExactly(0, 1, 2);
            assertThat(json.toRecords(new StringBuilder(object))).hasSize(1);
        }

        @Test
        void jacksonNodes() throws Exception {
            JsonNode array = json.mapper().readTree("[{\"i\":0},{\"i\":1}]");
            JsonNode object = json.mapper().readTree("{\"i\":7}");

            assertThat(json.toRecords(array)).containsExactly(map("i", 0), map("i", 1));
            assertThat(json.toRecords(object)).containsExactly(map("i", 7));
        }

        @Test
        void emptyListOrArrayGivesNoRecords() {
            assertThat(json.toRecords(List.of())).isEmpty();
            assertThat(json.toRecords("[]")).isEmpty();
        }

        @Test
        void explicitNullsSurviveReadingAndWriting() {
            Map<String, Object> record = json.toRecord("{\"a\":null,\"b\":1}");
            assertThat(record).containsExactly(entry("a", null), entry("b", 1));

            assertThat(new String(json.write(record), UTF_8)).isEqualTo("{\"a\":null,\"b\":1}");
            assertThat(new String(json.write(new Customer("Ada", null)), UTF_8))
                    .isEqualTo("{\"name\":\"Ada\",\"email\":null,\"createdAt\":null,\"address\":null}");
        }

        @Test
        void decimalsPassThroughExactly() {
            Map<String, Object> record = json.toRecord("{\"amount\":12.30,\"big\":100.0,\"tiny\":0.1}");

            assertThat(record.get("amount")).isEqualTo(new BigDecimal("12.30"));
            assertThat(new String(json.write(record), UTF_8))
                    .isEqualTo("{\"amount\":12.30,\"big\":100.0,\"tiny\":0.1}");
            assertThat(new String(json.write(Map.of("v", new BigDecimal("1E+2"))), UTF_8))
                    .isEqualTo("{\"v\":100}");
        }
    }

    @Nested
    class RejectedBodies {

        @Test
        void nullBody() {
            assertThatThrownBy(() -> json.toRecords(null))
                    .isInstanceOf(InvalidBodyException.class)
                    .hasMessageStartingWith("body is null, expected a JSON object");
        }

        @Test
        void textThatIsNotJson() {
            assertThatThrownBy(() -> json.toRecords("name=Ada"))
                    .isInstanceOf(InvalidBodyException.class)
                    .hasMessageStartingWith("body is not valid JSON: Unrecognized token 'name'")
                    .hasMessageContaining("line 1, column");
        }

        @Test
        void trailingContentAfterTheDocument() {
            assertThatThrownBy(() -> json.toRecords("{\"a\":1} {\"b\":2}"))
                    .isInstanceOf(InvalidBodyException.class)
                    .hasMessageStartingWith("body is not valid JSON");
        }

        @Test
        void blankText() {
            assertThatThrownBy(() -> json.toRecords("  \n "))
                    .isInstanceOf(InvalidBodyException.class)
                    .hasMessageStartingWith("body is empty");
            assertThatThrownBy(() -> json.toRecords(new byte[0]))
                    .hasMessageStartingWith("body is empty");
        }

        @Test
        void jsonScalars() {
            assertThatThrownBy(() -> json.toRecords("42")).hasMessageStartingWith("body is a number, expected");
            assertThatThrownBy(() -> json.toRecords("\"x\"")).hasMessageStartingWith("body is a string, expected");
            assertThatThrownBy(() -> json.toRecords("true")).hasMessageStartingWith("body is a boolean, expected");
            assertThatThrownBy(() -> json.toRecords("null")).hasMessageStartingWith("body is null, expected");
        }

        @Test
        void javaScalarBody() {
            assertThatThrownBy(() -> json.toRecords(42))
                    .isInstanceOf(InvalidBodyException.class)
                    .hasMessageStartingWith("body is a number, expected");
        }

        @Test
        void arrayElementThatIsNotAnObjectIsNamedByIndex() {
            assertThatThrownBy(() -> json.toRecords("[{\"a\":1},{},{\"b\":[]},7]"))
                    .isInstanceOfSatisfying(InvalidBodyException.class,
                            e -> assertThat(e.recordIndex()).hasValue(3))
                    .hasMessage("record 3 is a number, expected a JSON object");
            assertThatThrownBy(() -> json.toRecords("[{}, [{}]]"))
                    .hasMessage("record 1 is an array, expected a JSON object");
        }

        @Test
        void listElementsThatAreNotObjects() {
            assertThatThrownBy(() -> json.toRecords(Arrays.asList(map(), map(), null)))
                    .hasMessage("record 2 is null, expected a JSON object");
            assertThatThrownBy(() -> json.toRecords(List.of(map(), "oops")))
                    .hasMessageStartingWith("record 1 is a string that is not valid JSON (Unrecognized token 'oops'")
                    .hasMessageEndingWith("expected a JSON object");
            assertThatThrownBy(() -> json.toRecords(List.of("[1]")))
                    .hasMessage("record 0 is a string holding a JSON array, expected a JSON object");
            assertThatThrownBy(() -> json.toRecords(List.of(map(), List.of(map()))))
                    .hasMessage("record 1 is an array, expected a JSON object");
            assertThatThrownBy(() -> json.toRecords(List.of(true)))
                    .hasMessage("record 0 is a boolean, expected a JSON object");
            assertThatThrownBy(() -> json.toRecords(new int[] {1, 2}))
                    .hasMessage("record 0 is a number, expected a JSON object");
            assertThatThrownBy(() -> json.toRecords(List.of(map(), Color.RED)))
                    .hasMessage("record 1 is a string once converted to JSON, expected a JSON object");
        }

        @Test
        void objectJacksonCannotSerialise() {
            assertThatThrownBy(() -> json.toRecords(List.of(new Object())))
                    .isInstanceOfSatisfying(InvalidBodyException.class,
                            e -> assertThat(e.recordIndex()).hasValue(0))
                    .hasMessageStartingWith("record 0 (java.lang.Object) cannot be converted to JSON: ");
        }

        @Test
        void mapWithNullKey() {
            Map<String, Object> withNullKey = new HashMap<>();
            withNullKey.put(null, 1);

            assertThatThrownBy(() -> json.toRecords(withNullKey))
                    .isInstanceOf(InvalidBodyException.class)
                    .hasMessageContaining("record 0 (java.util.HashMap) cannot be converted to JSON")
                    .hasMessageContaining("Null key");
        }

        @Test
        void toRecordNeedsExactlyOne() {
            assertThatThrownBy(() -> json.toRecord(List.of(map(), map())))
                    .isInstanceOf(InvalidBodyException.class)
                    .hasMessage("body holds 2 records, expected exactly one");
            assertThatThrownBy(() -> json.toRecord("[]"))
                    .hasMessage("body holds 0 records, expected exactly one");
        }
    }

    @Nested
    class ServerAnswers {

        @Test
        void readsObjectListAndPojo() {
            assertThat(json.readObject("{\"id\":\"a\"}".getBytes(UTF_8))).containsExactly(entry("id", "a"));
            assertThat(json.readList("[{\"id\":\"a\"},{\"id\":\"b\"}]".getBytes(UTF_8)))
                    .extracting(m -> m.get("id")).containsExactly("a", "b");

            OrderSummary summary = json.read("{\"id\":\"o1\",\"count\":3,\"addedLater\":true}".getBytes(UTF_8),
                    OrderSummary.class);
            assertThat(summary.id).isEqualTo("o1");
            assertThat(summary.count).isEqualTo(3);
        }

        @Test
        void htmlPageIsReportedAsNotJsonWithItsStart() {
            byte[] html = "<html>\n<body>502 Bad Gateway</body></html>".getBytes(UTF_8);

            assertThatThrownBy(() -> json.readObject(html))
                    .isInstanceOf(JsonResponseException.class)
                    .hasMessageStartingWith("response is not JSON (Unexpected character ('<'")
                    .hasMessageEndingWith("response starts with: <html> <body>502 Bad Gateway</body></html>");
        }

        @Test
        void truncatedJsonIsNotJson() {
            assertThatThrownBy(() -> json.readList("[{\"id\":1},{\"id\"".getBytes(UTF_8)))
                    .isInstanceOf(JsonResponseException.class)
                    .hasMessageStartingWith("response is not JSON");
        }

        @Test
        void emptyAnswer() {
            assertThatThrownBy(() -> json.readObject(new byte[0])).hasMessage("response is empty, expected JSON");
            assertThatThrownBy(() -> json.readObject(null)).hasMessage("response is empty, expected JSON");
        }

        @Test
        void wrongShapes() {
            assertThatThrownBy(() -> json.readObject("[1]".getBytes(UTF_8)))
                    .isInstanceOf(JsonResponseException.class)
                    .hasMessage("response JSON is an array, expected a JSON object; response starts with: [1]");
            assertThatThrownBy(() -> json.readList("{\"data\":[]}".getBytes(UTF_8)))
                    .hasMessageStartingWith("response JSON is an object, expected a JSON array");
            assertThatThrownBy(() -> json.readList("[{},\"x\"]".getBytes(UTF_8)))
                    .hasMessageStartingWith("response JSON array element 1 is a string, expected a JSON object");
            assertThatThrownBy(() -> json.read("{\"count\":\"many\"}".getBytes(UTF_8), OrderSummary.class))
                    .isInstanceOf(JsonResponseException.class)
                    .hasMessageStartingWith("response JSON does not match OrderSummary: ");
        }

        @Test
        void quotedStartIsShortAndMasksCredentials() {
            String longPage = "<p>token \"access_token\":\"tok-123\" Bearer abc.def</p>" + "x".repeat(500);

            assertThatThrownBy(() -> json.readObject(longPage.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(JsonResponseException.class, e -> {
                        String quoted = e.getMessage().substring(e.getMessage().indexOf("starts with: ") + 13);
                        assertThat(quoted).hasSize(ResponseReader.SNIPPET_LENGTH + 3).endsWith("...");
                        assertThat(quoted).startsWith("<p>token \"access_token\":\"xxxxxx\" Bearer xxxxxx</p>");
                        assertThat(e.getMessage()).doesNotContain("tok-123", "abc.def");
                    });
        }
    }

    @Nested
    class Writing {

        @Test
        void serializedSizeIsTheByteLengthOfWrite() {
            Map<String, Object> record = map("name", "Zoë Ünal", "n", 3, "nested", map("x", null));

            assertThat(json.serializedSize(record)).isEqualTo(json.write(record).length);
            assertThat(json.serializedSize(record)).isGreaterThan("Zoë Ünal".length() + 20L); // bytes, not chars
        }

        @Test
        void writeOfSomethingJacksonCannotSerialiseNamesTheType() {
            assertThatThrownBy(() -> json.write(new Object()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot write java.lang.Object as JSON");
        }

        @Test
        void datesAreIsoText() {
            assertThat(new String(json.write(Map.of("d", LocalDate.of(2024, 2, 29))), StandardCharsets.UTF_8))
                    .isEqualTo("{\"d\":\"2024-02-29\"}");
        }
    }
}
