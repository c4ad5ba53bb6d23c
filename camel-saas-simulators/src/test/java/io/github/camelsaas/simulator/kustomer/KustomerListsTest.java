package io.github.camelsaas.simulator.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every list path of the spec, paged in the spec's answer shape ({@code meta}, {@code data}, {@code links} with
 * {@code self}, {@code first}, {@code prev}, {@code next}; customers with totals and {@code last}), scoped lists
 * holding only their scope's records, the deletes of notes and conversations, and bulk deletes.
 */
class KustomerListsTest extends KustomerSimulatorTestBase {

    @Test
    void aListIsPagedInTheSpecsShapeAndItsNextLinkWalksEveryPage() {
        for (int i = 0; i < 7; i++) {
            client.post("/v1/conversations", Map.of("customer", customer("C" + i), "name", "Help " + i));
        }

        List<String> names = new ArrayList<>();
        List<Map<String, Object>> pages = new ArrayList<>();
        String link = "/v1/conversations?pageSize=3";
        while (link != null) {
            KustomerClient.Answer page = client.get(link);
            assertThat(page.status()).isEqualTo(200);
            pages.add(page.map());
            data(page).forEach(c -> names.add((String) attributes(c).get("name")));
            link = (String) links(page.map()).get("next");
        }

        assertThat(names).containsExactly("Help 0", "Help 1", "Help 2", "Help 3", "Help 4", "Help 5", "Help 6");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0)).containsOnlyKeys("meta", "data", "links");
        assertThat(meta(pages.get(0))).isEqualTo(Map.of("pageSize", 3, "page", 1));
        assertThat(links(pages.get(0))).containsOnlyKeys("self", "first", "prev", "next")
                .containsEntry("self", "/v1/conversations?page=1&pageSize=3")
                .containsEntry("first", "/v1/conversations?page=1&pageSize=3")
                .containsEntry("prev", null)
                .containsEntry("next", "/v1/conversations?page=2&pageSize=3");
        assertThat(links(pages.get(1))).containsEntry("prev", "/v1/conversations?page=1&pageSize=3");
        assertThat(meta(pages.get(2))).isEqualTo(Map.of("pageSize", 3, "page", 3));
        assertThat(links(pages.get(2))).containsEntry("next", null);
        // the schemas allow a null in prev and next only
        pages.forEach(page -> links(page).forEach((name, value) -> {
            if (!name.equals("prev") && !name.equals("next")) {
                assertThat(value).as("links.%s", name).isInstanceOf(String.class);
            }
        }));
    }

    @Test
    void customersAnswerTotalsAndALastLinkAndTheDefaultPageSizeIsConfigurable() {
        simulator.setDefaultPageSize(3);
        for (int i = 0; i < 7; i++) {
            customer("Customer " + i);
        }

        KustomerClient.Answer first = client.get("/v1/customers");

        assertThat(data(first)).hasSize(3);
        assertThat(meta(first.map())).isEqualTo(Map.of("pageSize", 3, "page", 1, "total", 7, "totalPages", 3));
        assertThat(links(first.map())).containsOnlyKeys("self", "first", "prev", "next", "last")
                .containsEntry("next", "/v1/customers?page=2&pageSize=3")
                .containsEntry("last", "/v1/customers?page=3&pageSize=3");
        simulator.restoreDefaultConfiguration();
        assertThat(meta(client.get("/v1/customers").map())).containsEntry("pageSize", 100);
    }

    @Test
    void linksKeepTheCallsOtherParametersAndSortDescReversesTheOrder() {
        String customer = customer("Ada");
        for (int i = 0; i < 3; i++) {
            client.post("/v1/customers/" + customer + "/conversations", Map.of("name", "Help " + i));
        }

        KustomerClient.Answer newestFirst = client.get("/v1/conversations?sort=desc&pageSize=2");

        assertThat(data(newestFirst)).extracting(c -> attributes(c).get("name")).containsExactly("Help 2", "Help 1");
        assertThat(links(newestFirst.map())).containsEntry("next", "/v1/conversations?page=2&pageSize=2&sort=desc");
        KustomerClient.Answer fromDate = client.get("/v1/customers/" + customer
                + "/conversations?pageSize=1&fromDate=2000-01-01T00%3A00%3A00.000Z");
        assertThat(links(fromDate.map())).containsEntry("next", "/v1/customers/" + customer
                + "/conversations?page=2&pageSize=1&fromDate=2000-01-01T00%3A00%3A00.000Z");
    }

    @Test
    void scopedListsHoldTheirScopesRecordsOnly() {
        String ada = customer("Ada");
        String grace = customer("Grace");
        String acme = client.post("/v1/companies", Map.of("name", "Acme")).id();
        client.post("/v1/companies", Map.of("name", "Globex", "externalId", "g-1"));
        client.post("/v1/customers/" + ada + "/klasses/order", Map.of("title", "Ada's order"));
        client.post("/v1/klasses/order", Map.of("title", "Acme's order", "company", acme));
        client.post("/v1/klasses/order", Map.of("title", "Grace's order", "customer", grace));
        String adasConversation = client.post("/v1/customers/" + ada + "/conversations", Map.of("name", "A")).id();
        String gracesConversation = client.post("/v1/customers/" + grace + "/conversations", Map.of("name", "G")).id();
        client.post("/v1/conversations/" + adasConversation + "/messages", Map.of("channel", "chat", "app", "chat"));
        client.post("/v1/conversations/" + gracesConversation + "/messages", Map.of("channel", "chat", "app", "chat"));
        client.post("/v1/conversations/" + adasConversation + "/notes", Map.of("body", "for Ada"));
        client.post("/v1/conversations/" + gracesConversation + "/notes", Map.of("body", "for Grace"));

        assertThat(titles("/v1/customers/" + ada + "/klasses/order")).containsExactly("Ada's order");
        assertThat(titles("/v1/companies/" + acme + "/klasses/order")).containsExactly("Acme's order");
        assertThat(titles("/v1/klasses/order")).hasSize(3);
        assertThat(data(client.get("/v1/customers/" + ada + "/conversations"))).extracting(r -> r.get("id"))
                .containsExactly(adasConversation);
        assertThat(data(client.get("/v1/conversations/" + adasConversation + "/messages"))).hasSize(1);
        assertThat(data(client.get("/v1/customers/" + grace + "/messages"))).hasSize(1);
        assertThat(data(client.get("/v1/messages"))).hasSize(2);
        assertThat(data(client.get("/v1/conversations/" + adasConversation + "/notes")))
                .extracting(n -> attributes(n).get("body")).containsExactly("for Ada");
        assertThat(data(client.get("/v1/notes"))).hasSize(2);
        assertThat(data(client.get("/v1/companies?filter=glob"))).extracting(c -> attributes(c).get("name"))
                .containsExactly("Globex");
        assertThat(data(client.get("/v1/companies?externalId=g-1"))).hasSize(1);
        assertThat(data(client.get("/v1/companies?externalId=g-1&filter=acme"))).hasSize(2);
        assertThat(client.get("/v1/companies/" + ObjectIds.next() + "/klasses/order").status()).isEqualTo(404);
    }

    @Test
    void notesAndConversationsAreDeletedAndAGoneOneIsA404() {
        String conversation = client.post("/v1/conversations", Map.of("customer", customer("Ada"), "name", "A")).id();
        String note = client.post("/v1/conversations/" + conversation + "/notes", Map.of("body", "b")).id();

        assertThat(client.delete("/v1/notes/" + note).status()).isEqualTo(204);
        assertThat(client.get("/v1/notes/" + note).status()).isEqualTo(404);
        assertThat(client.delete("/v1/notes/" + note).status()).isEqualTo(404);
        assertThat(client.delete("/v1/conversations/" + conversation).status()).isEqualTo(204);
        assertThat(simulator.notes()).isEmpty();
        assertThat(simulator.conversations()).isEmpty();
    }

    @Test
    void aBulkDeleteRemovesTheIdsItNamesAndAnswersABulkJob() {
        String a = customer("A");
        String b = customer("B");
        String c = customer("C");

        KustomerClient.Answer job = client.delete("/v1/customers/bulk?ids=" + a + "," + c);

        assertThat(job.status()).isEqualTo(201);
        assertThat(job.data()).containsEntry("type", "bulk");
        assertThat(simulator.customers()).extracting(StoredObject::id).containsExactly(b);
        assertThat(client.delete("/v1/customers/bulk").status()).isEqualTo(400);
        assertThat(client.delete("/v1/customers/bulk?ids=not-an-id").status()).isEqualTo(400);
    }

    private static String customer(String name) {
        return client.post("/v1/customers", Map.of("name", name)).id();
    }

    private static List<Object> titles(String path) {
        return data(client.get(path)).stream().map(k -> attributes(k).get("title")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(KustomerClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.map().get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("attributes");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> page) {
        return (Map<String, Object>) page.get("meta");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> links(Map<String, Object> page) {
        return (Map<String, Object>) page.get("links");
    }
}
