package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.simulator.kustomer.StoredObject;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * delete of conversations and notes, and delete of a list body: in bulk for KObjects and customers
 * ({@code DELETE .../bulk?ids=}, chunks of bulkSize), one call per id otherwise; every id a success or a failure.
 */
class KustomerDeleteTest extends KustomerSimulatorTestSupport {

    @Test
    void aConversationAndANoteAreDeletedByIdAndAGoneOneSucceeds() {
        String customer = createCustomer("Ada");
        String conversation = send("kustomer:conversations", Map.of("name", "Help", "customer", customer))
                .getMessage().getHeader(KustomerConstants.ID, String.class);
        String note = send("kustomer:notes", Map.of("body", "Called back", "conversation", conversation))
                .getMessage().getHeader(KustomerConstants.ID, String.class);

        Exchange noteDeleted = send("kustomer:notes?operation=delete", note);
        Exchange noteAgain = send("kustomer:notes?operation=delete", null, Map.of(KustomerConstants.ID, note));
        Exchange conversationDeleted = send("kustomer:conversations?operation=delete", null,
                Map.of(KustomerConstants.ID, conversation));

        assertThat(List.of(noteDeleted, noteAgain, conversationDeleted)).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody()).isNull();
        });
        assertThat(simulator.notes()).isEmpty();
        assertThat(simulator.conversations()).isEmpty();
        assertThat(urls("DELETE", "/v1/")).containsExactly("/v1/notes/" + note, "/v1/notes/" + note,
                "/v1/conversations/" + conversation);
        // Kustomer's description answers a delete as text/plain: an Accept of JSON only would admit none of it
        assertThat(simulator.wireMock().getAllServeEvents()).filteredOn(e -> e.getRequest().getMethod().getName()
                .equals("DELETE")).extracting(e -> e.getRequest().getHeader("Accept"))
                .containsOnly("application/json, text/plain");
    }

    @Test
    void aListOfKObjectIdsIsDeletedInBulkChunksOfBulkSize() {
        send("kustomer:kobjects?klass=order", KustomerBulkTest.orders(7));
        List<String> ids = simulator.kobjects("order").stream().map(StoredObject::id).toList();

        Exchange exchange = send("kustomer:kobjects?klass=order&operation=delete&bulkSize=3", ids);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(simulator.kobjects("order")).isEmpty();
        List<LoggedRequest> calls = requests("DELETE", "/v1/klasses/order/bulk");
        assertThat(calls).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
                "/v1/klasses/order/bulk?ids=" + String.join(",", ids.subList(0, 3)),
                "/v1/klasses/order/bulk?ids=" + String.join(",", ids.subList(3, 6)),
                "/v1/klasses/order/bulk?ids=" + ids.get(6));
        assertThat(calls).allSatisfy(call -> assertThat(call.getBody()).isEmpty());
        @SuppressWarnings("unchecked")
        List<String> jobs = exchange.getMessage().getHeader(KustomerConstants.BULK_JOB_IDS, List.class);
        assertThat(jobs).hasSize(3).doesNotContainNull();
        assertThat(exchange.getMessage().getHeader(KustomerConstants.REQUEST_COUNT)).isEqualTo(3);
    }

    @Test
    void everyIdOfABulkDeleteEndsAsASuccessOrAReportedFailure() {
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(Map.of("name", "Customer " + i));
        }
        send("kustomer:customers", customers);
        List<String> ids = simulator.customers().stream().map(StoredObject::id).toList();
        // records with their id (as a list answers them), an id Kustomer refuses, and an item without an id
        List<Object> body = new ArrayList<>();
        body.add(Map.of("id", ids.get(0), "type", "customer"));
        body.add(ids.get(1));
        body.add("not-an-id");
        body.add(Map.of("name", "no id"));
        body.add(ids.get(2));

        Exchange exchange = send("kustomer:customers?operation=delete&failOnPartialFailure=false", body);

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.customers()).extracting(StoredObject::id).containsExactly(ids.get(3));
        @SuppressWarnings("unchecked")
        List<FailedRecord> failed = exchange.getMessage().getHeader(KustomerConstants.FAILED_RECORDS, List.class);
        assertThat(failed).extracting(FailedRecord::index).containsExactly(2, 3);
        assertThat(failed.get(0).httpStatus()).isEqualTo(400);
        assertThat(failed.get(0).record()).isEqualTo("not-an-id");
        assertThat(failed.get(1).validationFailure()).isTrue();
        assertThat(failed.get(1).message()).contains("item 3 names no id");
        // the four ids went in one call; its 400 was halved until the bad id stood alone
        assertThat(urls("DELETE", "/v1/customers/bulk")).first().isEqualTo("/v1/customers/bulk?ids=" + ids.get(0)
                + "," + ids.get(1) + ",not-an-id," + ids.get(2));
        assertThat(urls("DELETE", "/v1/customers/bulk")).contains("/v1/customers/bulk?ids=not-an-id");
    }

    @Test
    void withoutABulkDeleteEachIdHasItsOwnCall() {
        String customer = createCustomer("Ada");
        String conversation = send("kustomer:conversations", Map.of("name", "Help", "customer", customer))
                .getMessage().getHeader(KustomerConstants.ID, String.class);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            notes.add(send("kustomer:notes", Map.of("body", "note " + i, "conversation", conversation))
                    .getMessage().getHeader(KustomerConstants.ID, String.class));
        }
        send("kustomer:kobjects?klass=order", KustomerBulkTest.orders(2));
        List<String> orders = simulator.kobjects("order").stream().map(StoredObject::id).toList();

        Exchange deletedNotes = send("kustomer:notes?operation=delete", "[\"" + String.join("\",\"", notes) + "\"]");
        Exchange deletedOrders = send("kustomer:kobjects?klass=order&operation=delete&bulk=false", orders);

        assertThat(deletedNotes.getException()).isNull();
        assertThat(deletedOrders.getException()).isNull();
        assertThat(simulator.notes()).isEmpty();
        assertThat(simulator.kobjects("order")).isEmpty();
        assertThat(urls("DELETE", "/v1/notes/")).containsExactlyInAnyOrder("/v1/notes/" + notes.get(0),
                "/v1/notes/" + notes.get(1), "/v1/notes/" + notes.get(2));
        assertThat(urls("DELETE", "/v1/klasses/order/")).containsExactlyInAnyOrder("/v1/klasses/order/"
                + orders.get(0), "/v1/klasses/order/" + orders.get(1));
        assertThat(deletedOrders.getMessage().getHeaders()).doesNotContainKey(KustomerConstants.BULK_JOB_IDS);
    }
}
