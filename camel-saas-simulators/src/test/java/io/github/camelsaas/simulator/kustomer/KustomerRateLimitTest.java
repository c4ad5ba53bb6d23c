package io.github.camelsaas.simulator.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.common.WindowMode;

/** The org limit and the per-customer create limit, each exactly at its boundary, and what the server recorded. */
class KustomerRateLimitTest extends KustomerSimulatorTestBase {

    // long enough that a handful of local calls always fits in one window, short enough to wait out
    private static final Duration WINDOW = Duration.ofMillis(700);

    @BeforeEach
    void warmTheConnection() {
        client.get("/v1/users/current"); // so that the calls below fit well inside one window
    }

    @Test
    void orgLimitAdmitsExactlyNCallsPerWindowThenAnswers429WithHeaders() {
        simulator.setOrgLimit(5, WINDOW);
        long start = System.currentTimeMillis();
        for (int i = 1; i <= 5; i++) {
            KustomerClient.Answer answer = client.get("/v1/users/current");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("x-ratelimit-limit")).isEqualTo("5");
            assertThat(answer.header("x-ratelimit-remaining")).isEqualTo(String.valueOf(5 - i));
        }
        KustomerClient.Answer refused = client.get("/v1/users/current");
        long now = System.currentTimeMillis();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).containsEntry("status", 429).containsEntry("code", "rate_limited");
        assertThat(refused.errorTitle()).contains("at most 5 requests");
        assertThat(refused.header("x-ratelimit-limit")).isEqualTo("5");
        assertThat(refused.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("x-ratelimit-reset")))
                .isBetween(start / 1000, (now + WINDOW.toMillis()) / 1000 + 1);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1L + WINDOW.toSeconds());
        assertThat(simulator.orgTooManyRequests()).isEqualTo(1);
        assertThat(simulator.customerTooManyRequests()).isZero();
        assertThat(simulator.stats().tooManyRequests()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(25))
                .until(() -> client.get("/v1/users/current").status() == 200);
        assertThat(System.currentTimeMillis() - start).as("allowed again only once the first call left the window")
                .isGreaterThanOrEqualTo(WINDOW.toMillis());
    }

    @Test
    void everyCallCountsAgainstTheOrgLimitBulkPagedAndFailedOnesToo() {
        simulator.setOrgLimit(4, WINDOW);
        assertThat(client.post("/v1/klasses/order/bulk", List.of(Map.of("title", "a"), Map.of("title", "b"))).status())
                .isEqualTo(201);
        assertThat(client.get("/v1/klasses/order?page=2&pageSize=1").status()).isEqualTo(200);
        assertThat(client.post("/v1/klasses/order", Map.of()).status()).isEqualTo(400);
        assertThat(client.get("/v1/no-such-endpoint").status()).isEqualTo(404);
        assertThat(client.get("/v1/klasses/order").status()).isEqualTo(429);
    }

    @Test
    void callsWithABadKeyDoNotCountAgainstTheOrg() {
        simulator.setOrgLimit(2, WINDOW);
        KustomerClient stranger = new KustomerClient(simulator).withKey("not-a-key");
        for (int i = 0; i < 3; i++) {
            assertThat(stranger.get("/v1/users/current").status()).isEqualTo(401);
        }
        assertThat(client.get("/v1/users/current").status()).isEqualTo(200);
        assertThat(client.get("/v1/users/current").status()).isEqualTo(200);
        assertThat(client.get("/v1/users/current").status()).isEqualTo(429);
    }

    @Test
    void fixedWindowsAlsoAdmitExactlyN() {
        simulator.setWindowMode(WindowMode.FIXED);
        simulator.setOrgLimit(3, Duration.ofSeconds(2));
        // wait for the start of a fixed window so all four calls fall in the same one
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.currentTimeMillis() % 2000 < 100);
        long windowEnd = System.currentTimeMillis() / 2000 * 2000 + 2000;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(client.get("/v1/users/current").status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);

        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(25))
                .until(() -> client.get("/v1/users/current").status() == 200);
        assertThat(System.currentTimeMillis()).as("allowed again only in the next fixed window")
                .isGreaterThanOrEqualTo(windowEnd);
    }

    @Test
    void customerCreateLimitAdmitsExactlyNPerCustomerPerWindow() {
        simulator.setCustomerCreateLimit(3, WINDOW);
        String ann = customer("ann");
        String bob = customer("bob");
        long start = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            assertThat(createOrder(ann, Map.of()).status()).isEqualTo(201);
        }
        KustomerClient.Answer refused = createOrder(ann, Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorTitle()).contains("at most 3 creates per customer").contains(ann);
        assertThat(refused.header("x-ratelimit-limit")).as("the customer's limit, not the org's").isEqualTo("3");
        assertThat(refused.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(refused.header("x-ratelimit-reset")))
                .isBetween(start / 1000, (System.currentTimeMillis() + WINDOW.toMillis()) / 1000 + 1);
        assertThat(createOrder(bob, Map.of()).status()).as("another customer has its own limit").isEqualTo(201);
        assertThat(simulator.customerTooManyRequests()).isEqualTo(1);
        assertThat(simulator.orgTooManyRequests()).isZero();
        assertThat(simulator.kobjectCount("order")).isEqualTo(4);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(25))
                .until(() -> createOrder(ann, Map.of()).status() == 201);
        assertThat(System.currentTimeMillis() - start).isGreaterThanOrEqualTo(WINDOW.toMillis());
        assertThat(simulator.customerCreateTimes(ann)).hasSize(4);
        assertThat(simulator.maxCustomerCreatesInAnyWindow(ann, WINDOW)).isEqualTo(3);
    }

    @Test
    void customerInTheBodyCountsLikeTheCustomerScopedPath() {
        simulator.setCustomerCreateLimit(2, WINDOW);
        String ann = customer("ann");
        assertThat(client.post("/v1/klasses/order", Map.of("title", "t", "customer", ann)).status()).isEqualTo(201);
        assertThat(client.post("/v1/customers/" + ann + "/klasses/order", Map.of("title", "t")).status()).isEqualTo(201);
        assertThat(client.post("/v1/klasses/order", Map.of("title", "t", "customer", ann)).status()).isEqualTo(429);
        assertThat(client.post("/v1/klasses/order", Map.of("title", "no customer")).status())
                .as("a KObject linked to no customer is not limited per customer").isEqualTo(201);
    }

    @Test
    void conversationsMessagesAndNotesShareTheCustomersCreateLimit() {
        simulator.setCustomerCreateLimit(4, WINDOW);
        String ann = customer("ann");
        String conversation = client.post("/v1/customers/" + ann + "/conversations", Map.of()).id();
        assertThat(client.post("/v1/conversations/" + conversation + "/messages",
                Map.of("channel", "email", "app", "postmark")).status()).isEqualTo(201);
        assertThat(client.post("/v1/conversations/" + conversation + "/notes", Map.of("body", "hi")).status())
                .isEqualTo(201);
        assertThat(createOrder(ann, Map.of()).status()).isEqualTo(201);
        assertThat(client.post("/v1/conversations", Map.of("customer", ann)).status()).isEqualTo(429);
        assertThat(simulator.customerCreateTimes(ann)).hasSize(4);
    }

    @Test
    void importedAtExemptsKObjectsConversationsAndMessagesButNotNotes() {
        simulator.setCustomerCreateLimit(1, WINDOW);
        String ann = customer("ann");
        Map<String, Object> imported = Map.of("importedAt", "2020-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(createOrder(ann, imported).status()).isEqualTo(201);
        }
        String conversation = client.post("/v1/conversations",
                Map.of("customer", ann, "importedAt", "2020-01-01T00:00:00Z")).id();
        assertThat(conversation).isNotNull();
        assertThat(client.post("/v1/conversations/" + conversation + "/messages", Map.of("channel", "chat", "app",
                "chat", "importedAt", "2020-01-01T00:00:00Z")).status()).isEqualTo(201);
        assertThat(simulator.customerCreateTimes(ann)).isEmpty();

        Map<String, Object> importedNote = Map.of("body", "imported note", "importedAt", "2020-01-01T00:00:00Z");
        assertThat(client.post("/v1/conversations/" + conversation + "/notes", importedNote).status()).isEqualTo(201);
        assertThat(client.post("/v1/conversations/" + conversation + "/notes", importedNote).status())
                .as("notes are limited even with importedAt").isEqualTo(429);
        assertThat(createOrder(ann, Map.of()).status()).as("the note used the customer's only slot").isEqualTo(429);
    }

    @Test
    void bulkCreatesCountEachItemAgainstItsCustomerAllOrNothing() {
        simulator.setCustomerCreateLimit(3, WINDOW);
        String ann = customer("ann");
        String bob = customer("bob");

        KustomerClient.Answer tooMany = client.post("/v1/klasses/order/bulk",
                List.of(item(bob, "b1"), item(ann, "a1"), item(ann, "a2"), item(ann, "a3"), item(ann, "a4")));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.errorTitle()).contains(ann).contains("would add 4");
        assertThat(simulator.kobjectCount("order")).as("nothing of a refused bulk request is stored").isZero();
        assertThat(simulator.customerCreateTimes(bob)).as("nor counted").isEmpty();

        assertThat(client.post("/v1/klasses/order/bulk", List.of(item(ann, "a1"), item(ann, "a2"), item(bob, "b1")))
                .status()).isEqualTo(201);
        assertThat(client.post("/v1/klasses/order/bulk", List.of(item(ann, "a3"), item(ann, "a4"))).status())
                .as("one slot left for ann, two asked").isEqualTo(429);
        assertThat(createOrder(ann, Map.of()).status()).isEqualTo(201);
        assertThat(createOrder(ann, Map.of()).status()).isEqualTo(429);
        assertThat(simulator.customerCreateTimes(ann)).hasSize(3);
    }

    @Test
    void bulkCountingCanBeSwitchedOff() {
        simulator.setCustomerCreateLimit(2, WINDOW);
        simulator.setBulkCountsPerItem(false);
        String ann = customer("ann");
        assertThat(client.post("/v1/klasses/order/bulk",
                List.of(item(ann, "a1"), item(ann, "a2"), item(ann, "a3"))).status()).isEqualTo(201);
        assertThat(createOrder(ann, Map.of()).status()).isEqualTo(201);
        assertThat(simulator.customerCreateTimes(ann)).hasSize(1);
    }

    private static String customer(String name) {
        return client.post("/v1/customers", Map.of("name", name)).id();
    }

    private static KustomerClient.Answer createOrder(String customerId, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("title", "Order");
        return client.post("/v1/customers/" + customerId + "/klasses/order", body);
    }

    private static Map<String, Object> item(String customerId, String externalId) {
        return Map.of("title", "Order " + externalId, "customer", customerId, "externalId", externalId);
    }
}
