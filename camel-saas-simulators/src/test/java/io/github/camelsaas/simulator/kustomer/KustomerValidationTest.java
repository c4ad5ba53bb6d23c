package io.github.camelsaas.simulator.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each body rule of the spec's request schemas: a 400 whose {@code source.pointer} names the member, and nothing stored. */
class KustomerValidationTest extends KustomerSimulatorTestBase {

    private static final String NO_SUCH_ID = "5f0000000000000000000000";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                // KObjects
                refused("/v1/klasses/order", Map.of(), "/title", "title is required"),
                refused("/v1/klasses/order", Map.of("title", ""), "/title", "title must be 1-256 characters, was 0"),
                refused("/v1/klasses/order", Map.of("title", "t".repeat(257)), "/title", "was 257"),
                refused("/v1/klasses/order", Map.of("title", 5), "/title", "title must be a string"),
                refused("/v1/klasses/order", order("externalId", ""), "/externalId", "1-256 characters"),
                refused("/v1/klasses/order", order("externalId", "e".repeat(257)), "/externalId", "was 257"),
                refused("/v1/klasses/order", order("description", "d".repeat(10241)), "/description",
                        "at most 10240 characters"),
                refused("/v1/klasses/order", order("icon", "i".repeat(65)), "/icon", "at most 64"),
                refused("/v1/klasses/order", order("tags", numbered("tag", 21)), "/tags", "at most 20 items, has 21"),
                refused("/v1/klasses/order", order("tags", List.of("ok", " leading space")), "/tags/1", "1-64 characters"),
                refused("/v1/klasses/order", order("tags", List.of("t".repeat(65))), "/tags/0", "1-64 characters"),
                refused("/v1/klasses/order", order("tags", List.of("semi;colon")), "/tags/0", "1-64 characters"),
                refused("/v1/klasses/order", order("tags", List.of("same", "same")), "/tags", "must not repeat"),
                refused("/v1/klasses/order", order("images", List.of("not a url")), "/images/0", "absolute URL"),
                refused("/v1/klasses/order", order("images", numbered("https://x.io/", 21)), "/images", "at most 20"),
                refused("/v1/klasses/order", order("data", "text"), "/data", "must be an object"),
                refused("/v1/klasses/order", order("custom", customKeys(101)), "/custom", "at most 100 properties"),
                refused("/v1/klasses/order", custom("priceNum", "12"), "/custom/priceNum", "number or null"),
                refused("/v1/klasses/order", custom("shippedAt", "yesterday"), "/custom/shippedAt", "date-time or null"),
                refused("/v1/klasses/order", custom("noteStr", "n".repeat(1025)), "/custom/noteStr",
                        "at most 1024 characters, was 1025"),
                refused("/v1/klasses/order", custom("noteTxt", 5), "/custom/noteTxt", "string or null"),
                refused("/v1/klasses/order", custom("paidBool", "true"), "/custom/paidBool", "boolean or null"),
                refused("/v1/klasses/order", custom("siteUrl", "not a url"), "/custom/siteUrl", "absolute URI or null"),
                refused("/v1/klasses/order", custom("color", "red"), "/custom/color", "no type suffix"),
                refused("/v1/klasses/order", custom("Num", 1), "/custom/Num", "no type suffix"),
                refused("/v1/klasses/order", order("colour", "red"), "/colour", "not an allowed property"),
                refused("/v1/klasses/order", order("rev", 1), "/rev", "not an allowed property"),
                refused("/v1/klasses/order", order("createdAt", "2020-13-45T00:00:00Z"), "/createdAt", "date-time"),
                refused("/v1/klasses/order", order("importedAt", "2020-01-01"), "/importedAt", "date-time"),
                refused("/v1/klasses/order", order("customer", "123"), "/customer", "object id"),
                refused("/v1/klasses/order", order("company", NO_SUCH_ID), "/company", "no existing company"),
                // customers
                refused("/v1/customers", Map.of("externalId", ""), "/externalId", "1-256 characters"),
                refused("/v1/customers", Map.of("emails", List.of(Map.of("type", "home"))), "/emails/0/email",
                        "is required"),
                refused("/v1/customers", Map.of("nickname", "Al"), "/nickname", "not an allowed property"),
                refused("/v1/customers", Map.of("gender", "x"), "/gender", "must be one of"),
                refused("/v1/customers", Map.of("custom", Map.of("tierNum", "gold")), "/custom/tierNum", "number"),
                // companies
                refused("/v1/companies", Map.of(), "/name", "name is required"),
                refused("/v1/companies", Map.of("name", "ab"), "/name", "name must be 3-256 characters, was 2"),
                // conversations
                refused("/v1/conversations", Map.of(), "/customer", "customer is required"),
                refused("/v1/conversations", Map.of("customer", NO_SUCH_ID), "/customer", "no existing customer"),
                refused("/v1/conversations", Map.of("customer", NO_SUCH_ID, "status", "closed"), "/status",
                        "must be one of"),
                refused("/v1/conversations", Map.of("customer", NO_SUCH_ID, "priority", 9), "/priority", "1 to 5"),
                // messages
                refused("/v1/messages", Map.of("app", "postmark", "direction", "in"), "/channel", "channel is required"),
                refused("/v1/messages", Map.of("channel", "pigeon", "app", "x", "direction", "in"), "/channel",
                        "must be one of"),
                refused("/v1/messages", Map.of("channel", "email", "direction", "in"), "/app", "app is required"),
                refused("/v1/messages", Map.of("channel", "email", "app", "postmark"), "/direction",
                        "direction is required"),
                refused("/v1/messages", Map.of("channel", "email", "app", "postmark", "direction", "in"), "/customer",
                        "required when no conversation"),
                // notes
                refused("/v1/notes", Map.of("conversation", NO_SUCH_ID), "/body", "body is required"),
                refused("/v1/notes", Map.of("body", "", "conversation", NO_SUCH_ID), "/body", "1-10240 characters"),
                refused("/v1/notes", Map.of("body", "b".repeat(10241), "conversation", NO_SUCH_ID), "/body",
                        "was 10241"),
                refused("/v1/notes", Map.of("body", "hi"), "/conversation", "conversation is required"),
                refused("/v1/notes", Map.of("body", "hi", "conversation", NO_SUCH_ID), "/conversation",
                        "no existing conversation"),
                // the body itself
                refused("/v1/klasses/order", "{\"title\":", "", "not valid JSON"),
                refused("/v1/klasses/order", List.of(Map.of("title", "t")), "", "must be a JSON object"),
                refused("/v1/klasses/order/bulk", Map.of("title", "t"), "", "must be a JSON array"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @MethodSource("invalidBodies")
    void invalidBodiesAnswer400NamingTheMember(String path, Object body, String pointer, String titleFragment) {
        KustomerClient.Answer answer = client.post(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.error()).containsEntry("status", 400).containsEntry("code", "invalid_request");
        assertThat(answer.errorPointer()).isEqualTo(pointer);
        assertThat(answer.errorTitle()).contains(titleFragment);
        assertThat(simulator.count(ResourceKind.KOBJECT) + simulator.customers().size() + simulator.companies().size()
                + simulator.conversations().size() + simulator.messages().size() + simulator.notes().size()).isZero();
    }

    @Test
    void everyCustomSuffixAcceptsItsTypeAndNull() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("totalNum", 64.67);
        custom.put("countNum", 3);
        custom.put("shippedAt", "2016-11-06T13:54:29-05:00");
        custom.put("statusStr", "s".repeat(1024));
        custom.put("notesTxt", "");
        custom.put("paidBool", true);
        custom.put("trackingUrl", "https://carrier.example/track?id=1");
        for (String name : List.of("nothingNum", "neverAt", "noneStr", "emptyTxt", "unknownBool", "noUrl")) {
            custom.put(name, null);
        }
        custom.putAll(customKeys(100 - custom.size()));
        assertThat(custom).hasSize(100);
        Map<String, Object> body = new HashMap<>(order("custom", custom));
        body.put("tags", List.of("VIP", "à la carte", "a/b<c>d-e.f_g"));
        KustomerClient.Answer answer = client.post("/v1/klasses/order", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(client.delete("/v1/klasses/order/" + answer.id()).status()).isEqualTo(204);
    }

    @Test
    void updatesFollowTheUpdateSchema() {
        String id = client.post("/v1/klasses/order", Map.of("title", "t")).id();
        KustomerClient.Answer relink = client.put("/v1/klasses/order/" + id, Map.of("customer", NO_SUCH_ID));
        assertThat(relink.status()).isEqualTo(400);
        assertThat(relink.errorPointer()).isEqualTo("/customer");
        KustomerClient.Answer badRev = client.put("/v1/klasses/order/" + id, Map.of("rev", "zero"));
        assertThat(badRev.errorPointer()).isEqualTo("/rev");
        assertThat(client.put("/v1/klasses/order/" + id, Map.of()).status()).as("no member is required").isEqualTo(200);
        assertThat(client.delete("/v1/klasses/order/" + id).status()).isEqualTo(204);
    }

    @Test
    void badPathParametersAreNamedInSourceParameters() {
        KustomerClient.Answer badKlass = client.post("/v1/klasses/bad%20name", Map.of("title", "t"));
        assertThat(badKlass.status()).isEqualTo(400);
        assertThat(badKlass.error().get("source")).isEqualTo(Map.of("parameters", "name"));
        KustomerClient.Answer badId = client.get("/v1/customers/xyz");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.error().get("source")).isEqualTo(Map.of("parameters", "id"));
    }

    private static Arguments refused(String path, Object body, String pointer, String titleFragment) {
        return Arguments.of(path, body, pointer, titleFragment);
    }

    private static Map<String, Object> order(String member, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Order");
        body.put(member, value);
        return body;
    }

    private static Map<String, Object> custom(String name, Object value) {
        Map<String, Object> custom = new HashMap<>();
        custom.put(name, value);
        return order("custom", custom);
    }

    private static Map<String, Object> customKeys(int count) {
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            custom.put("field" + i + "Str", "v");
        }
        return custom;
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + i);
        }
        return values;
    }
}
