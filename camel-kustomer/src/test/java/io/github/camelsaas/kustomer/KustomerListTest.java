package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

/**
 * list, one page per message: every list path of the spec, only the query parameters each path declares, the paging
 * headers of the answer, and bad combinations refused before anything is sent.
 */
class KustomerListTest extends KustomerSimulatorTestSupport {

    private static final String CONVERSATIONS = "kustomer:conversations?operation=list&pageSize=3";

    @Test
    void pagesOfConversationsByNumberWithTheirPagingHeaders() {
        String customer = createCustomer("Ada");
        for (int i = 0; i < 7; i++) {
            send("kustomer:conversations", Map.of("name", "Help " + i, "customer", customer));
        }

        List<Exchange> pages = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            pages.add(send(CONVERSATIONS, null, Map.of(KustomerConstants.PAGE, page)));
        }

        assertThat(pages).allSatisfy(page -> assertThat(page.getException()).isNull());
        assertThat(names(pages.get(0))).containsExactly("Help 0", "Help 1", "Help 2");
        assertThat(names(pages.get(1))).containsExactly("Help 3", "Help 4", "Help 5");
        assertThat(names(pages.get(2))).containsExactly("Help 6");
        assertThat(pages.get(0).getMessage().getHeaders())
                .containsEntry(KustomerConstants.PAGE, 1)
                .containsEntry(KustomerConstants.PAGE_SIZE, 3)
                .containsEntry(KustomerConstants.NEXT_PAGE, 2)
                .containsEntry(KustomerConstants.NEXT_PAGE_LINK, "/v1/conversations?page=2&pageSize=3")
                .containsEntry(KustomerConstants.REQUEST_COUNT, 1)
                // GET /v1/conversations answers no totals
                .doesNotContainKeys(KustomerConstants.TOTAL, KustomerConstants.TOTAL_PAGES);
        assertThat(pages.get(2).getMessage().getHeaders()).containsEntry(KustomerConstants.PAGE, 3)
                .doesNotContainKeys(KustomerConstants.NEXT_PAGE, KustomerConstants.NEXT_PAGE_LINK);
        assertThat(pages.get(0).getMessage().getBody(List.class).get(0)).isInstanceOf(Map.class);
        assertThat(requests("GET", "/v1/conversations")).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + DEMO_KEY);
            assertThat(request.getBody()).isEmpty();
        });
        assertThat(urls("GET", "/v1/conversations")).containsExactly("/v1/conversations?page=1&pageSize=3",
                "/v1/conversations?page=2&pageSize=3", "/v1/conversations?page=3&pageSize=3");
    }

    @Test
    void customersSendNoPagingParametersTheirSpecDoesNotDeclareAndAnswerTotals() {
        simulator.setDefaultPageSize(3);
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            customers.add(Map.of("name", "Customer " + i));
        }
        send("kustomer:customers", customers);

        Exchange first = send("kustomer:customers?operation=list", null);
        List<Object> names = new ArrayList<>(names(first));
        Exchange page = first;
        while (page.getMessage().getHeader(KustomerConstants.NEXT_PAGE_LINK) != null) {
            // the message as a loop would carry it on: the answer's headers, the next link among them
            page = send("kustomer:customers?operation=list", null, page.getMessage().getHeaders());
            assertThat(page.getException()).isNull();
            names.addAll(names(page));
        }

        assertThat(names).hasSize(7).contains("Customer 0", "Customer 6");
        assertThat(first.getMessage().getHeaders()).containsEntry(KustomerConstants.TOTAL, 7)
                .containsEntry(KustomerConstants.TOTAL_PAGES, 3).containsEntry(KustomerConstants.PAGE_SIZE, 3);
        assertThat(page.getMessage().getHeaders()).containsEntry(KustomerConstants.PAGE, 3)
                .doesNotContainKey(KustomerConstants.NEXT_PAGE_LINK);
        assertThat(urls("GET", "/v1/customers")).containsExactly("/v1/customers",
                "/v1/customers?page=2&pageSize=3", "/v1/customers?page=3&pageSize=3");
    }

    @Test
    void scopedListsGoToTheirParentsPaths() {
        String ada = createCustomer("Ada");
        String grace = createCustomer("Grace");
        String acme = send("kustomer:companies", Map.of("name", "Acme")).getMessage()
                .getHeader(KustomerConstants.ID, String.class);
        send("kustomer:kobjects?klass=order", Map.of("title", "Ada's order"), Map.of(KustomerConstants.CUSTOMER_ID,
                ada));
        send("kustomer:kobjects?klass=order", Map.of("title", "Acme's order", "company", acme));
        String adas = send("kustomer:conversations", Map.of("name", "A", "customer", ada)).getMessage()
                .getHeader(KustomerConstants.ID, String.class);
        String graces = send("kustomer:conversations", Map.of("name", "G", "customer", grace)).getMessage()
                .getHeader(KustomerConstants.ID, String.class);
        send("kustomer:messages", Map.of("channel", "chat", "app", "chat", "conversation", adas));
        send("kustomer:messages", Map.of("channel", "chat", "app", "chat", "conversation", graces));
        send("kustomer:notes", Map.of("body", "for Ada", "conversation", adas));
        send("kustomer:notes", Map.of("body", "for Grace", "conversation", graces));
        simulator.wireMock().resetRequests();

        assertThat(titles(send("kustomer:kobjects?klass=order&operation=list", null,
                Map.of(KustomerConstants.CUSTOMER_ID, ada)))).containsExactly("Ada's order");
        assertThat(titles(send("kustomer:kobjects?klass=order&operation=list", null,
                Map.of(KustomerConstants.COMPANY_ID, acme)))).containsExactly("Acme's order");
        assertThat(ids(send("kustomer:conversations?operation=list&pageSize=10", null,
                Map.of(KustomerConstants.CUSTOMER_ID, grace)))).containsExactly(graces);
        assertThat(send("kustomer:messages?operation=list", null, Map.of(KustomerConstants.CONVERSATION_ID, adas))
                .getMessage().getBody(List.class)).hasSize(1);
        assertThat(send("kustomer:messages?operation=list", null, Map.of(KustomerConstants.CUSTOMER_ID, grace))
                .getMessage().getBody(List.class)).hasSize(1);
        assertThat(send("kustomer:messages?operation=list", null).getMessage().getBody(List.class)).hasSize(2);
        Exchange notes = send("kustomer:notes?operation=list&pageSize=5", null,
                Map.of(KustomerConstants.CONVERSATION_ID, adas));
        assertThat(notes.getMessage().getBody(List.class)).singleElement()
                .satisfies(note -> assertThat(((Map<?, ?>) ((Map<?, ?>) note).get("attributes")).get("body"))
                        .isEqualTo("for Ada"));
        // the org's notes: GET /v1/notes declares no pageSize, so the endpoint's option is not sent there
        assertThat(send("kustomer:notes?operation=list&pageSize=5", null).getMessage().getBody(List.class))
                .hasSize(2);
        assertThat(send("kustomer:companies?operation=list", null).getMessage().getBody(List.class)).hasSize(1);

        assertThat(requests("GET", "/v1/").stream().map(r -> r.getUrl()).toList()).containsExactly(
                "/v1/customers/" + ada + "/klasses/order",
                "/v1/companies/" + acme + "/klasses/order",
                "/v1/customers/" + grace + "/conversations?pageSize=10",
                "/v1/conversations/" + adas + "/messages",
                "/v1/customers/" + grace + "/messages",
                "/v1/messages",
                "/v1/conversations/" + adas + "/notes?pageSize=5",
                "/v1/notes",
                "/v1/companies");
    }

    @Test
    void theParametersAPathDeclaresAreSentAndEncoded() {
        String customer = createCustomer("Ada");
        for (int i = 0; i < 3; i++) {
            send("kustomer:conversations", Map.of("name", "Help " + i, "customer", customer));
        }

        Exchange newestFirst = send("kustomer:conversations?operation=list", null,
                Map.of(KustomerConstants.LIST_PARAMETERS, Map.of("sort", "desc")));
        Exchange since = send("kustomer:conversations?operation=list", null, Map.of(KustomerConstants.CUSTOMER_ID,
                customer, KustomerConstants.LIST_PARAMETERS, Map.of("fromDate", "2000-01-01T00:00:00.000Z")));

        assertThat(names(newestFirst)).containsExactly("Help 2", "Help 1", "Help 0");
        assertThat(names(since)).hasSize(3);
        assertThat(urls("GET", "/v1/")).containsExactly("/v1/conversations?sort=desc",
                "/v1/customers/" + customer + "/conversations?fromDate=2000-01-01T00%3A00%3A00.000Z");
    }

    @Test
    void aListKustomerDoesNotHaveOrAParameterItsPathDoesNotTakeFailsBeforeSending() {
        String customer = createCustomer("Ada");
        simulator.wireMock().resetRequests();

        Exchange notesOfACustomer = send("kustomer:notes?operation=list", null,
                Map.of(KustomerConstants.CUSTOMER_ID, customer));
        assertThat(notesOfACustomer.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kustomer has no list of notes of a customer (header CamelKustomerCustomerId); notes are "
                        + "listed for the org (no scope header), a conversation (header CamelKustomerConversationId)");
        Exchange twoScopes = send("kustomer:messages?operation=list", null, Map.of(KustomerConstants.CUSTOMER_ID,
                customer, KustomerConstants.CONVERSATION_ID, customer));
        assertThat(twoScopes.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes one scope");
        Exchange secondPageOfCustomers = send("kustomer:customers?operation=list", null,
                Map.of(KustomerConstants.PAGE, 2));
        assertThat(secondPageOfCustomers.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kustomer's GET /v1/customers takes no page (it takes no query parameters); "
                        + "nothing was sent")
                .hasMessageContaining(KustomerConstants.NEXT_PAGE_LINK);
        Exchange pageSizeOfNotes = send("kustomer:notes?operation=list", null, Map.of(KustomerConstants.PAGE_SIZE, 5));
        assertThat(pageSizeOfNotes.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /v1/notes takes no pageSize")
                .hasMessageContaining("lists of notes that take it: GET /v1/conversations/{id}/notes");
        Exchange undeclared = send("kustomer:messages?operation=list", null,
                Map.of(KustomerConstants.LIST_PARAMETERS, Map.of("fromDate", "2020-01-01T00:00:00Z")));
        assertThat(undeclared.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kustomer's GET /v1/messages takes no fromDate (it takes include, page, pageSize, sort); "
                        + "nothing was sent");
        Exchange linkOfAnotherList = send("kustomer:notes?operation=list", null,
                Map.of(KustomerConstants.NEXT_PAGE_LINK, "/v1/customers?page=2&pageSize=3"));
        assertThat(linkOfAnotherList.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a page of this list (GET /v1/notes)");
        Exchange badScopeId = send("kustomer:conversations?operation=list", null,
                Map.of(KustomerConstants.CUSTOMER_ID, ".."));
        assertThat(badScopeId.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header CamelKustomerCustomerId is '..'");

        assertThat(simulator.wireMock().getAllServeEvents()).isEmpty();
    }

    @Test
    void aPageSizeOnAResourceNoListOfWhichTakesOneFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?operation=list&pageSize=10"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasRootCauseMessage("pageSize: no Kustomer list of customers takes a page size (their pages follow "
                        + "links.next); lists that take one: conversations, messages, a conversation's notes");
        assertThat(simulator.wireMock().getAllServeEvents()).isEmpty();
    }

    private static final String DEMO_KEY = io.github.camelsaas.simulator.kustomer.KustomerSimulator.DEMO_API_KEY;

    private static List<Object> names(Exchange page) {
        return attributes(page, "name");
    }

    private static List<Object> titles(Exchange page) {
        return attributes(page, "title");
    }

    private static List<Object> ids(Exchange page) {
        assertThat(page.getException()).isNull();
        List<?> records = page.getMessage().getBody(List.class);
        return records.stream().map(r -> (Object) ((Map<?, ?>) r).get("id")).toList();
    }

    private static List<Object> attributes(Exchange page, String name) {
        assertThat(page.getException()).isNull();
        List<?> records = page.getMessage().getBody(List.class);
        return records.stream().map(r -> (Object) ((Map<?, ?>) ((Map<?, ?>) r).get("attributes")).get(name)).toList();
    }
}
