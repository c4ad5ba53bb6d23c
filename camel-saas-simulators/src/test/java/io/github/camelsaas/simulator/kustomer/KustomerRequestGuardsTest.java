package io.github.camelsaas.simulator.kustomer;

import static io.github.camelsaas.simulator.testsupport.Gzip.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What Kustomer refuses before looking at the data: bad keys and missing roles (401), big bodies (413), big bulks. */
class KustomerRequestGuardsTest extends KustomerSimulatorTestBase {

    @Test
    void unknownMissingOrMalformedKeysAnswer401InTheErrorsEnvelope() {
        KustomerClient.Answer unknown = new KustomerClient(simulator).withKey("wrong").get("/v1/users/current");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error()).containsEntry("status", 401).containsEntry("code", "unauthorized")
                .containsKeys("title", "source");
        assertThat(unknown.header("x-ratelimit-limit")).as("every answer carries the org headers").isEqualTo("300");

        assertThat(new KustomerClient(simulator).withKey(null).get("/v1/auth/tokens/current").status()).isEqualTo(401);
        assertThat(new KustomerClient(simulator).withKey("").get("/v1/klasses/order").status()).isEqualTo(401);
    }

    @Test
    void registeredAndRevokedKeys() {
        simulator.registerApiKey("my-key");
        KustomerClient mine = new KustomerClient(simulator).withKey("my-key");
        assertThat(mine.get("/v1/auth/tokens/current").status()).isEqualTo(200);
        simulator.revokeApiKey(KustomerSimulator.DEMO_API_KEY);
        assertThat(client.get("/v1/users/current").status()).isEqualTo(401);
        simulator.restoreDefaultConfiguration();
        assertThat(client.get("/v1/users/current").status()).isEqualTo(200);
        assertThat(mine.get("/v1/users/current").status()).isEqualTo(401);
    }

    @Test
    void keysWithoutTheRoleForAnEndpointAnswer401() {
        String orderId = client.post("/v1/klasses/order", Map.of("title", "t")).id();
        simulator.registerApiKey("reader", Set.of("org.user.kobject.read"));
        KustomerClient reader = new KustomerClient(simulator).withKey("reader");
        assertThat(reader.get("/v1/klasses/order/" + orderId).status()).isEqualTo(200);
        KustomerClient.Answer refused = reader.post("/v1/klasses/order", Map.of("title", "t"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorTitle()).contains("org.user.kobject.write");
        assertThat(reader.get("/v1/users/current").status()).as("a token check needs no role").isEqualTo(200);

        simulator.registerApiKey("order-writer", Set.of("org.permission.kobject.kobject_order.create"));
        KustomerClient orderWriter = new KustomerClient(simulator).withKey("order-writer");
        assertThat(orderWriter.post("/v1/klasses/order", Map.of("title", "t")).status()).isEqualTo(201);
        assertThat(orderWriter.post("/v1/klasses/invoice", Map.of("title", "t")).status()).isEqualTo(401);
        assertThat(orderWriter.put("/v1/klasses/order/" + orderId, Map.of("title", "u")).status()).isEqualTo(401);
    }

    @Test
    void bodiesUpTo100KilobytesPassAndOneByteMoreAnswers413() {
        assertThat(client.post("/v1/klasses/order", bodyOfExactly(KustomerSimulator.MAX_BODY_BYTES)).status())
                .isEqualTo(201);
        KustomerClient.Answer tooLarge = client.post("/v1/klasses/order",
                bodyOfExactly(KustomerSimulator.MAX_BODY_BYTES + 1));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.error()).containsEntry("status", 413);
        assertThat(simulator.kobjectCount("order")).isEqualTo(1);
    }

    @Test
    void theSizeLimitAppliesToTheBodyAfterGzipIsUndone() throws Exception {
        // a server's body parser counts inflated bytes, so compressing does not get a big body through
        byte[] gzipped = gzip(bodyOfExactly(KustomerSimulator.MAX_BODY_BYTES + 1));
        assertThat(gzipped.length).isLessThan(KustomerSimulator.MAX_BODY_BYTES);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/klasses/order"))
                        .header("Authorization", "Bearer " + KustomerSimulator.DEMO_API_KEY)
                        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void bulkTakesAtMost100Items() {
        KustomerClient.Answer hundred = client.post("/v1/klasses/order/bulk", items(100));
        assertThat(hundred.status()).isEqualTo(201);
        assertThat(simulator.kobjectCount("order")).isEqualTo(100);

        KustomerClient.Answer hundredAndOne = client.post("/v1/klasses/order/bulk", items(101));
        assertThat(hundredAndOne.status()).isEqualTo(400);
        assertThat(hundredAndOne.errorTitle()).contains("at most 100 items, got 101");
        assertThat(hundredAndOne.errorPointer()).isEmpty();
        assertThat(simulator.kobjectCount("order")).isEqualTo(100);

        assertThat(client.post("/v1/customers/bulk", items(101)).status()).isEqualTo(400);
        assertThat(client.send("DELETE", "/v1/customers/bulk?ids=" + String.join(",", ids(101)), null).status())
                .isEqualTo(400);
    }

    /** A KObject create body of exactly {@code size} bytes, padded in its free-form {@code data}. */
    private static String bodyOfExactly(int size) {
        String prefix = "{\"title\":\"padded\",\"data\":{\"pad\":\"";
        String suffix = "\"}}";
        String body = prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return body;
    }

    private static List<Map<String, Object>> items(int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("title", "Order " + i, "externalId", "o-" + i));
        }
        return items;
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ObjectIds.next());
        }
        return ids;
    }
}
