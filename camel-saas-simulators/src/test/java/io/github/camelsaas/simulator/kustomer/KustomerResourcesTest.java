package io.github.camelsaas.simulator.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.common.Fault;

/** The simulator's state as clients see it through the API, and as tests see it through the inspection methods. */
class KustomerResourcesTest extends KustomerSimulatorTestBase {

    @Test
    void kobjectCreateGetUpdateWithRevAndDelete() {
        KustomerClient.Answer created = client.post("/v1/klasses/order", Map.of("title", "Order 1", "externalId", "o-1",
                "custom", Map.of("totalNum", 12.5, "statusStr", "new")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.id();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(created.data()).containsEntry("type", "kobject.order");
        assertThat(created.attributes()).containsEntry("title", "Order 1").containsEntry("rev", 0);
        assertThat(created.data().get("links")).isEqualTo(Map.of("self", "/v1/klasses/order/" + id));

        assertThat(client.get("/v1/klasses/order/" + id).attributes()).containsEntry("externalId", "o-1");

        KustomerClient.Answer updated = client.put("/v1/klasses/order/" + id,
                Map.of("rev", 0, "custom", Map.of("statusStr", "shipped")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.attributes()).containsEntry("rev", 1).containsEntry("title", "Order 1")
                .containsEntry("custom", Map.of("totalNum", 12.5, "statusStr", "shipped"));

        KustomerClient.Answer stale = client.put("/v1/klasses/order/" + id, Map.of("rev", 0, "title", "lost update"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorPointer()).isEqualTo("/rev");
        assertThat(stale.errorTitle()).contains("rev 0 is stale").contains("at rev 1");
        assertThat(simulator.kobjects("order").get(0).attribute("title")).isEqualTo("Order 1");

        assertThat(client.put("/v1/klasses/order/" + id, Map.of("title", "no rev, no check")).attributes())
                .containsEntry("rev", 2);

        assertThat(client.delete("/v1/klasses/order/" + id).status()).isEqualTo(204);
        assertThat(client.get("/v1/klasses/order/" + id).status()).isEqualTo(404);
        assertThat(client.delete("/v1/klasses/order/" + id).status()).isEqualTo(404);
        assertThat(client.put("/v1/klasses/order/" + id, Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(client.get("/v1/klasses/order/not-an-id").status()).isEqualTo(400);
    }

    @Test
    void kobjectExternalIdLookupDecodesTheSegmentAndExternalIdsAreUniquePerKlass() {
        String id = client.post("/v1/klasses/order", Map.of("title", "t", "externalId", "shop/1 #a")).id();
        KustomerClient.Answer found = client.get("/v1/klasses/order/externalId=shop%2F1%20%23a");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.id()).isEqualTo(id);
        assertThat(client.get("/v1/klasses/order/externalId=other").status()).isEqualTo(404);
        assertThat(client.get("/v1/klasses/invoice/externalId=shop%2F1%20%23a").status()).isEqualTo(404);

        KustomerClient.Answer duplicate = client.post("/v1/klasses/order", Map.of("title", "t", "externalId", "shop/1 #a"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorPointer()).isEqualTo("/externalId");
        assertThat(client.post("/v1/klasses/invoice", Map.of("title", "t", "externalId", "shop/1 #a")).status())
                .as("another klass has its own external ids").isEqualTo(201);
        assertThat(simulator.findKObjectByExternalId("order", "shop/1 #a")).map(StoredObject::id).contains(id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void customerScopedCreateLinksTheCustomer() {
        String customerId = client.post("/v1/customers", Map.of("name", "Ann")).id();
        KustomerClient.Answer created = client.post("/v1/customers/" + customerId + "/klasses/order",
                Map.of("title", "t"));
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> relationships = (Map<String, Object>) created.data().get("relationships");
        assertThat((Map<String, Object>) relationships.get("customer"))
                .containsEntry("data", Map.of("type", "customer", "id", customerId))
                .containsEntry("links", Map.of("self", "/v1/customers/" + customerId));
        assertThat(relationships).containsKeys("org", "klass");
        assertThat(simulator.kobjects("order").get(0).customerId()).isEqualTo(customerId);

        KustomerClient.Answer listed = client.get("/v1/customers/" + customerId + "/klasses/order");
        assertThat((List<?>) listed.map().get("data")).hasSize(1);

        assertThat(client.post("/v1/customers/" + ObjectIds.next() + "/klasses/order", Map.of("title", "t")).status())
                .isEqualTo(404);
        KustomerClient.Answer unknownInBody = client.post("/v1/klasses/order",
                Map.of("title", "t", "customer", ObjectIds.next()));
        assertThat(unknownInBody.status()).isEqualTo(400);
        assertThat(unknownInBody.errorPointer()).isEqualTo("/customer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsArePagedWithLinksNextNullAtTheEnd() {
        for (int i = 0; i < 5; i++) {
            client.post("/v1/klasses/order", Map.of("title", "Order " + i));
        }
        KustomerClient.Answer first = client.get("/v1/klasses/order?pageSize=2");
        assertThat(titles(first)).containsExactly("Order 0", "Order 1");
        assertThat((Map<String, Object>) first.map().get("meta")).containsEntry("page", 1).containsEntry("pageSize", 2);
        Map<String, Object> links = (Map<String, Object>) first.map().get("links");
        assertThat(links).containsEntry("next", "/v1/klasses/order?page=2&pageSize=2").containsEntry("prev", null);

        KustomerClient.Answer last = client.get("/v1/klasses/order?page=3&pageSize=2");
        assertThat(titles(last)).containsExactly("Order 4");
        assertThat((Map<String, Object>) last.map().get("links")).containsEntry("next", null)
                .containsEntry("prev", "/v1/klasses/order?page=2&pageSize=2");

        assertThat(titles(client.get("/v1/klasses/order"))).hasSize(5);
        assertThat(titles(client.get("/v1/klasses/empty"))).isEmpty();
        assertThat(client.get("/v1/klasses/order?pageSize=0").status()).isEqualTo(400);
        assertThat(client.get("/v1/klasses/order?page=x").status()).isEqualTo(400);
    }

    @Test
    void customersCrudAndLookups() {
        KustomerClient.Answer created = client.post("/v1/customers", Map.of("name", "Ann", "externalId", "crm-1",
                "emails", List.of(Map.of("email", "Ann@Example.com", "type", "work"))));
        assertThat(created.status()).isEqualTo(201);
        String id = created.id();
        assertThat(created.data()).containsEntry("type", "customer");
        assertThat(created.attributes()).containsEntry("displayName", "Ann").containsEntry("rev", 1);

        assertThat(client.get("/v1/customers/" + id).id()).isEqualTo(id);
        assertThat(client.get("/v1/customers/externalId=crm-1").id()).isEqualTo(id);
        assertThat(client.get("/v1/customers/email=ann%40example.com").id()).isEqualTo(id);
        assertThat(client.get("/v1/customers/email=nobody@example.com").status()).isEqualTo(404);
        assertThat(client.get("/v1/customers/externalId=crm-2").status()).isEqualTo(404);

        KustomerClient.Answer duplicate = client.post("/v1/customers", Map.of("externalId", "crm-1"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorPointer()).isEqualTo("/externalId");
        assertThat(client.post("/v1/customers", Map.of("name", "Ann twin",
                "emails", List.of(Map.of("email", "ann@example.com")))).status())
                .as("emails need not be unique").isEqualTo(201);

        KustomerClient.Answer patched = client.patch("/v1/customers/" + id, Map.of("locale", "en_US"));
        assertThat(patched.attributes()).containsEntry("name", "Ann").containsEntry("locale", "en_US")
                .containsEntry("rev", 2);
        assertThat(client.put("/v1/customers/" + id, Map.of("rev", 1, "name", "x")).status()).isEqualTo(409);
        KustomerClient.Answer replaced = client.put("/v1/customers/" + id + "?replace=true", Map.of("name", "Anna"));
        assertThat(replaced.attributes()).containsEntry("name", "Anna").containsEntry("locale", null)
                .containsEntry("externalId", null);
        assertThat(client.get("/v1/customers/externalId=crm-1").status()).as("the external id went with replace")
                .isEqualTo(404);

        assertThat(client.delete("/v1/customers/" + id).status()).isEqualTo(204);
        assertThat(client.get("/v1/customers/" + id).status()).isEqualTo(404);
        assertThat(simulator.customers()).hasSize(1);
    }

    @Test
    void companiesCreateGetUpdate() {
        KustomerClient.Answer created = client.post("/v1/companies", Map.of("name", "Acme", "externalId", "acme"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data()).containsEntry("type", "company");
        String id = created.id();
        assertThat(client.get("/v1/companies/" + id).attributes()).containsEntry("name", "Acme");
        assertThat(client.put("/v1/companies/" + id, Map.of("name", "Acme Inc")).attributes())
                .containsEntry("name", "Acme Inc").containsEntry("externalId", "acme").containsEntry("rev", 1);
        assertThat(client.get("/v1/companies/" + ObjectIds.next()).status()).isEqualTo(404);
        assertThat(simulator.companies()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void conversationsMessagesAndNotesHangTogether() {
        String customerId = client.post("/v1/customers", Map.of("name", "Ann")).id();
        KustomerClient.Answer conversation = client.post("/v1/customers/" + customerId + "/conversations",
                Map.of("name", "Help", "externalId", "ticket-1"));
        assertThat(conversation.status()).isEqualTo(201);
        String conversationId = conversation.id();
        assertThat(conversation.attributes()).containsEntry("status", "open").containsEntry("messageCount", 0);
        assertThat(client.get("/v1/conversations/externalId=ticket-1").id()).isEqualTo(conversationId);

        KustomerClient.Answer message = client.post("/v1/conversations/" + conversationId + "/messages",
                Map.of("channel", "email", "app", "postmark", "direction", "out", "preview", "Hello"));
        assertThat(message.status()).isEqualTo(201);
        assertThat(message.attributes()).containsEntry("status", "sent");
        Map<String, Object> messageLinks = (Map<String, Object>) message.data().get("relationships");
        assertThat(((Map<String, Object>) messageLinks.get("customer")).get("data"))
                .isEqualTo(Map.of("type", "customer", "id", customerId));
        assertThat(client.get("/v1/messages/" + message.id()).attributes()).containsEntry("preview", "Hello");

        KustomerClient.Answer note = client.post("/v1/notes", Map.of("body", "internal", "conversation", conversationId));
        assertThat(note.status()).isEqualTo(201);
        Map<String, Object> noteLinks = (Map<String, Object>) note.data().get("relationships");
        assertThat(((Map<String, Object>) noteLinks.get("customer")).get("data"))
                .isEqualTo(Map.of("type", "customer", "id", customerId));
        assertThat(client.get("/v1/notes/" + note.id()).attributes()).containsEntry("body", "internal");

        KustomerClient.Answer afterwards = client.get("/v1/conversations/" + conversationId);
        assertThat(afterwards.attributes()).containsEntry("messageCount", 1).containsEntry("noteCount", 1)
                .containsEntry("outboundMessageCount", 1).containsEntry("channels", List.of("email"));
        assertThat(client.patch("/v1/conversations/" + conversationId, Map.of("status", "done")).attributes())
                .containsEntry("status", "done").containsEntry("rev", 2);
        assertThat((Map<String, Object>) client.get("/v1/customers/" + customerId).attributes().get("conversationCounts"))
                .containsEntry("all", 1).containsEntry("done", 1);
        assertThat(client.put("/v1/conversations/" + conversationId, Map.of("rev", 1, "name", "x")).status())
                .isEqualTo(409);
        assertThat(client.patch("/v1/notes/" + note.id(), Map.of("body", "edited")).attributes())
                .containsEntry("body", "edited").containsEntry("rev", 1);

        assertThat(client.delete("/v1/conversations/" + conversationId).status()).isEqualTo(204);
        assertThat(client.get("/v1/conversations/" + conversationId).status()).isEqualTo(404);
        assertThat(client.get("/v1/conversations/externalId=ticket-1").status()).isEqualTo(404);
    }

    @Test
    void aMessageWithoutConversationOpensOne() {
        String customerId = client.post("/v1/customers", Map.of("name", "Ann")).id();
        KustomerClient.Answer message = client.post("/v1/messages",
                Map.of("customer", customerId, "channel", "sms", "app", "twilio", "direction", "in"));
        assertThat(message.status()).isEqualTo(201);
        assertThat(simulator.conversations()).singleElement()
                .satisfies(c -> assertThat(c.customerId()).isEqualTo(customerId));
        assertThat(simulator.messages().get(0).conversationId()).isEqualTo(simulator.conversations().get(0).id());
    }

    @Test
    void bulkCreatesStoreEveryItemAndAnswerABulkJob() {
        KustomerClient.Answer job = client.post("/v1/klasses/order/bulk", List.of(
                Map.of("title", "A", "externalId", "bulk-a"), Map.of("title", "B", "externalId", "bulk-b")));
        assertThat(job.status()).isEqualTo(201);
        assertThat(job.data()).containsEntry("type", "bulk");
        assertThat(job.attributes()).containsEntry("status", "complete").containsEntry("ids", List.of())
                .containsEntry("context", "api.sobjects.kobjects.bulk-create");
        assertThat(job.data().get("links")).isEqualTo(Map.of("self", "/v1/bulk/" + job.id()));
        assertThat(simulator.findKObjectByExternalId("order", "bulk-b")).get()
                .satisfies(o -> assertThat(o.attribute("title")).isEqualTo("B"));
        assertThat(client.get("/v1/klasses/order/externalId=bulk-a").status()).isEqualTo(200);
        assertThat(client.get("/v1/bulk/" + job.id()).id()).isEqualTo(job.id());
        assertThat(simulator.bulkJobs()).singleElement().satisfies(j -> assertThat(j.storedIds()).hasSize(2));

        simulator.setBulkReturnsIds(true);
        KustomerClient.Answer withIds = client.post("/v1/customers/bulk", List.of(Map.of("name", "Ann")));
        assertThat(withIds.attributes().get("ids")).isEqualTo(List.of(simulator.customers().get(0).id()));
    }

    @Test
    void oneInvalidBulkItemRefusesTheWholeRequestNamingTheItem() {
        KustomerClient.Answer refused = client.post("/v1/klasses/order/bulk", List.of(
                Map.of("title", "fine"), Map.of("title", "also fine"), Map.of("title", "bad", "custom", Map.of("x", 1))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorPointer()).isEqualTo("/2/custom/x");
        assertThat(refused.errorTitle()).startsWith("item 2: ");
        assertThat(simulator.kobjectCount("order")).isZero();

        KustomerClient.Answer duplicates = client.post("/v1/customers/bulk",
                List.of(Map.of("externalId", "same"), Map.of("externalId", "same")));
        assertThat(duplicates.status()).isEqualTo(400);
        assertThat(duplicates.errorPointer()).isEqualTo("/1/externalId");
        assertThat(simulator.customers()).isEmpty();
        assertThat(client.post("/v1/customers/bulk", List.of("not an object")).errorPointer()).isEqualTo("/0");
    }

    @Test
    void bulkUpdatesCheckRevsAndBulkDeletesRemove() {
        String a = client.post("/v1/klasses/order", Map.of("title", "A")).id();
        String b = client.post("/v1/klasses/order", Map.of("title", "B")).id();
        KustomerClient.Answer stale = client.put("/v1/klasses/order/bulk",
                List.of(Map.of("id", a, "title", "A2"), Map.of("id", b, "rev", 7, "title", "B2")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorPointer()).isEqualTo("/1/rev");
        assertThat(simulator.kobjects("order").get(0).attribute("title")).as("nothing applied").isEqualTo("A");

        assertThat(client.put("/v1/klasses/order/bulk",
                List.of(Map.of("id", a, "title", "A2"), Map.of("id", b, "rev", 0, "title", "B2"))).status())
                .isEqualTo(200);
        assertThat(simulator.kobjects("order")).extracting(o -> o.attribute("title")).containsExactly("A2", "B2");
        assertThat(simulator.kobjects("order")).extracting(StoredObject::rev).containsExactly(1, 1);

        assertThat(client.delete("/v1/klasses/order/bulk?ids=" + a).status()).isEqualTo(201);
        assertThat(simulator.kobjects("order")).extracting(StoredObject::id).containsExactly(b);
    }

    @Test
    void tokenChecksAnswerTheKeysUser() {
        KustomerClient.Answer user = client.get("/v1/users/current");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.data()).containsEntry("type", "user");
        KustomerClient.Answer token = client.get("/v1/auth/tokens/current");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.data()).containsEntry("type", "token");
    }

    @Test
    void unknownPathsAnswer404AndEveryCallIsCountedByRoute() {
        KustomerClient.Answer unknown = client.get("/v1/unknown/thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).containsEntry("status", 404).containsEntry("code", "not_found");
        assertThat(client.send("PATCH", "/v1/klasses/order/" + ObjectIds.next(), Map.of("title", "t")).status())
                .as("KObjects have no PATCH").isEqualTo(404);
        client.post("/v1/klasses/order", Map.of("title", "t"));
        client.post("/v1/klasses/invoice", Map.of("title", "t"));
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}")).isEqualTo(2);
        assertThat(simulator.stats().calls("GET (no route)")).isEqualTo(1);
    }

    @Test
    void queuedFaultsFireExactlyTheirCountOnTheChosenPath() {
        simulator.faults().failNext("/v1/klasses/order", 2, Fault.status(503, "{\"errors\":[]}"));
        assertThat(client.get("/v1/users/current").status()).isEqualTo(200);
        assertThat(client.post("/v1/klasses/order", Map.of("title", "t")).status()).isEqualTo(503);
        assertThat(client.post("/v1/klasses/order", Map.of("title", "t")).status()).isEqualTo(503);
        assertThat(client.post("/v1/klasses/order", Map.of("title", "t")).status()).isEqualTo(201);
        assertThat(simulator.kobjectCount("order")).as("a faulted call never reaches the store").isEqualTo(1);
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void concurrentCreatesAllGetDistinctIdsAndAreAllStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                ids.add(pool.submit(() -> client.post("/v1/klasses/order",
                        Map.of("title", "t", "externalId", "c-" + n)).id()));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(200).doesNotContainNull();
        } finally {
            pool.shutdownNow();
        }
        assertThat(simulator.kobjectCount("order")).isEqualTo(200);
        assertThat(simulator.count(ResourceKind.KOBJECT)).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> titles(KustomerClient.Answer list) {
        return ((List<Map<String, Object>>) list.map().get("data")).stream()
                .map(r -> ((Map<String, Object>) r.get("attributes")).get("title")).toList();
    }
}
