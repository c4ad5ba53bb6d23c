package io.github.camelsaas.kustomer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import io.github.camelsaas.kustomer.KustomerResource;

/** Page links become calls on the endpoint's own base URL, and only for the list being read. */
class PageLinkTest {

    private static final KustomerLists.ListPath NOTES_OF_A_CONVERSATION = KustomerLists.of(KustomerResource.notes,
            null, ListScope.conversation, "5f3e0000000000000000abcd");

    @Test
    void aRelativeOrAbsoluteLinkGivesItsPathAndQueryAndTheListsTemplate() {
        KustomerRequest relative = PageLink.request("/v1/conversations/5f3e0000000000000000abcd/notes?page=2&pageSize=3",
                NOTES_OF_A_CONVERSATION, "links.next");
        // the host of an absolute link is never called: only its path and query are used
        KustomerRequest absolute = PageLink.request("https://elsewhere.example/v1/conversations/"
                + "5f3e0000000000000000abcd/notes/?page=2", NOTES_OF_A_CONVERSATION, "links.next");

        assertThat(relative.method()).isEqualTo("GET");
        assertThat(relative.path().path()).isEqualTo("/v1/conversations/5f3e0000000000000000abcd/notes");
        assertThat(relative.query()).isEqualTo("page=2&pageSize=3");
        assertThat(relative.describe()).isEqualTo("GET /v1/conversations/{id}/notes");
        assertThat(absolute.path().path()).isEqualTo("/v1/conversations/5f3e0000000000000000abcd/notes");
        assertThat(absolute.query()).isEqualTo("page=2");
    }

    @Test
    void aLinkOfAnotherListOrNoLinkAtAllIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> PageLink.request("/v1/conversations/5f3e0000000000000000ffff/notes?page=2",
                NOTES_OF_A_CONVERSATION, "header CamelKustomerNextPageLink"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The page link in header CamelKustomerNextPageLink is not a page of this list (GET "
                        + "/v1/conversations/{id}/notes); it is not followed");
        assertThatThrownBy(() -> PageLink.request("not a uri", NOTES_OF_A_CONVERSATION, "links.next"))
                .hasMessageContaining("is not a URI");
    }

    @Test
    void theCatalogueNamesTheListsThatTakeAParameter() {
        assertThat(KustomerLists.listsDeclaring(KustomerResource.messages, null, KustomerLists.PAGE_SIZE))
                .isEqualTo("GET /v1/messages, GET /v1/conversations/{id}/messages, GET /v1/customers/{id}/messages");
        assertThat(KustomerLists.listsDeclaring(KustomerResource.customers, null, KustomerLists.PAGE_SIZE))
                .isEqualTo("none");
        assertThat(KustomerLists.of(KustomerResource.kobjects, "order", ListScope.company, "c1").path().path())
                .isEqualTo("/v1/companies/c1/klasses/order");
    }
}
