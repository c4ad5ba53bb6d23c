package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** get, getByExternalId, getByEmail, delete and list against the simulator. */
class KustomerReadsTest extends KustomerSimulatorTestSupport {

    @Test
    void aRecordIsFoundByIdExternalIdOrEmailAndNothingFoundIsANullBody() {
        String id = send("kustomer:customers", Map.of("name", "Ada", "externalId", "c-1",
                "emails", List.of(Map.of("email", "ada@example.com")))).getMessage()
                .getHeader(KustomerConstants.ID, String.class);

        Exchange byId = send("kustomer:customers?operation=get", null, Map.of(KustomerConstants.ID, id));
        Exchange byExternalId = send("kustomer:customers?operation=getByExternalId", "c-1");
        Exchange byEmail = send("kustomer:customers?operation=getByEmail", null,
                Map.of(KustomerConstants.EMAIL, "ada@example.com"));
        Exchange missing = send("kustomer:customers?operation=getByExternalId", "c-404");

        assertThat(List.of(byId, byExternalId, byEmail)).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("id", id).containsEntry("type",
                    "customer");
            assertThat(exchange.getMessage().getHeader(KustomerConstants.ID)).isEqualTo(id);
        });
        assertThat(missing.getException()).isNull();
        assertThat(missing.getMessage().getBody()).isNull();
    }

    @Test
    void deleteRemovesTheRecordAndDeletingWhatIsGoneSucceeds() {
        String id = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1")).getMessage()
                .getHeader(KustomerConstants.ID, String.class);

        Exchange deleted = send("kustomer:kobjects?klass=order&operation=delete", null,
                Map.of(KustomerConstants.ID, id));
        Exchange again = send("kustomer:kobjects?klass=order&operation=delete", null, Map.of(KustomerConstants.ID,
                id));

        assertThat(deleted.getException()).isNull();
        assertThat(again.getException()).isNull();
        assertThat(simulator.kobjects("order")).isEmpty();
    }

    @Test
    void listReadsOnePageAndSaysWhetherThereIsANext() {
        // GET /v1/klasses/{name} declares no page or pageSize: its pages are reached through links.next
        simulator.setDefaultPageSize(2);
        send("kustomer:kobjects?klass=order", KustomerBulkTest.orders(5));

        Exchange first = send("kustomer:kobjects?klass=order&operation=list", null);
        Exchange second = send("kustomer:kobjects?klass=order&operation=list", null, Map.of(
                KustomerConstants.NEXT_PAGE_LINK, first.getMessage().getHeader(KustomerConstants.NEXT_PAGE_LINK)));
        Exchange last = send("kustomer:kobjects?klass=order&operation=list", null, Map.of(
                KustomerConstants.NEXT_PAGE_LINK, second.getMessage().getHeader(KustomerConstants.NEXT_PAGE_LINK)));

        assertThat(first.getMessage().getBody(List.class)).hasSize(2);
        assertThat(first.getMessage().getHeader(KustomerConstants.NEXT_PAGE)).isEqualTo(2);
        assertThat(last.getMessage().getBody(List.class)).hasSize(1);
        assertThat(last.getMessage().getHeaders()).doesNotContainKeys(KustomerConstants.NEXT_PAGE,
                KustomerConstants.NEXT_PAGE_LINK);
        assertThat(urls("GET", "/v1/klasses/order")).containsExactly("/v1/klasses/order",
                "/v1/klasses/order?page=2&pageSize=2", "/v1/klasses/order?page=3&pageSize=2");
    }

    @Test
    void aReadWithoutItsIdFailsBeforeSendingAndOtherErrorsNameTheCall() {
        Exchange noId = send("kustomer:notes?operation=get", null);
        assertThat(noId.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("get needs the header CamelKustomerId");

        Exchange badId = send("kustomer:notes?operation=get", null, Map.of(KustomerConstants.ID, "not-an-id"));
        assertThat(badId.getException()).isInstanceOf(KustomerApiException.class)
                .hasMessageContaining("Kustomer answered 400").hasMessageContaining("GET /v1/notes/{id}");
        assertThat(((KustomerApiException) badId.getException()).getHttpStatus()).isEqualTo(400);
        assertThat(simulator.stats().totalCalls()).isEqualTo(1);
    }
}
