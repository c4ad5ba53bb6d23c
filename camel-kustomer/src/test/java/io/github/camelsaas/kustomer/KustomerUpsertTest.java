package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.kustomer.StoredObject;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** Upsert: look up by external id (customers: else email), then update or create; a create that races is resolved. */
class KustomerUpsertTest extends KustomerSimulatorTestSupport {

    private static final String KOBJECTS = "kustomer:kobjects?klass=order&operation=upsert";

    @Test
    void aKObjectThatIsNotThereIsCreatedAndThenUpdatedWithPut() {
        String customer = createCustomer("Ada");
        Exchange created = send(KOBJECTS, Map.of("externalId", "o-1", "title", "Order 1", "customer", customer));
        assertThat(created.getException()).isNull();
        String id = created.getMessage().getHeader(KustomerConstants.ID, String.class);
        assertThat(simulator.findKObjectByExternalId("order", "o-1")).map(StoredObject::id).contains(id);
        assertThat(simulator.stats().calls("POST /v1/customers/{id}/klasses/{name}")).isEqualTo(1);

        // the same record again, with the customer link a KObject update does not take: found, so PUT
        Exchange updated = send(KOBJECTS, Map.of("externalId", "o-1", "title", "Order 1 (paid)", "customer", customer));
        assertThat(updated.getException()).isNull();
        assertThat(updated.getMessage().getHeader(KustomerConstants.ID)).isEqualTo(id);
        assertThat(simulator.kobjects("order")).singleElement()
                .satisfies(kobject -> assertThat(kobject.attribute("title")).isEqualTo("Order 1 (paid)"));
        assertThat(simulator.stats().calls("PUT /v1/klasses/{name}/{id}")).isEqualTo(1);
        assertThat(simulator.stats().calls("GET /v1/klasses/{name}/externalId={externalId}")).isEqualTo(2);
    }

    @Test
    void theExternalIdMayComeFromTheHeader() {
        Exchange created = send(KOBJECTS, Map.of("title", "Order 2"), Map.of(KustomerConstants.EXTERNAL_ID, "o-2"));
        assertThat(created.getException()).isNull();
        // created with that external id, so the next upsert finds it
        assertThat(simulator.findKObjectByExternalId("order", "o-2")).isPresent();
        send(KOBJECTS, Map.of("title", "Order 2b"), Map.of(KustomerConstants.EXTERNAL_ID, "o-2"));
        assertThat(simulator.kobjects("order")).singleElement()
                .satisfies(kobject -> assertThat(kobject.attribute("title")).isEqualTo("Order 2b"));
    }

    @Test
    void customersAreFoundByExternalIdElseByEmailAndPatched() {
        Exchange byExternalId = send("kustomer:customers?operation=upsert",
                Map.of("externalId", "c-1", "name", "Ada"));
        assertThat(byExternalId.getException()).isNull();
        send("kustomer:customers?operation=upsert", Map.of("externalId", "c-1", "name", "Ada Lovelace"));
        assertThat(simulator.findCustomerByExternalId("c-1")).map(c -> c.attribute("name")).contains("Ada Lovelace");
        assertThat(simulator.stats().calls("PATCH /v1/customers/{id}")).isEqualTo(1);

        Exchange byEmail = send("kustomer:customers?operation=upsert",
                Map.of("name", "Grace", "emails", List.of(Map.of("email", "grace@example.com"))));
        assertThat(byEmail.getException()).isNull();
        send("kustomer:customers?operation=upsert", Map.of("name", "Grace Hopper"),
                Map.of(KustomerConstants.EMAIL, "grace@example.com"));
        assertThat(simulator.customers()).hasSize(2)
                .anySatisfy(c -> assertThat(c.attribute("name")).isEqualTo("Grace Hopper"));
        assertThat(simulator.stats().calls("GET /v1/customers/email={email}")).isEqualTo(2);
    }

    @Test
    void aCreateThatConflictsWithAnotherWriterIsResolvedOnceMoreAndUpdates() {
        send("kustomer:kobjects?klass=order", Map.of("externalId", "o-3", "title", "Written by someone else"));
        // the lookup misses it (as if the other writer had not committed yet), so the create conflicts: 409
        simulator.faults().failNext("/v1/klasses/order/externalId=o-3", 1, Fault.status(404,
                "{\"errors\":[{\"status\":404,\"code\":\"not_found\",\"title\":\"no such KObject\"}]}"));

        Exchange upserted = send(KOBJECTS, Map.of("externalId", "o-3", "title", "Mine"));

        assertThat(upserted.getException()).isNull();
        assertThat(simulator.kobjects("order")).singleElement()
                .satisfies(kobject -> assertThat(kobject.attribute("title")).isEqualTo("Mine"));
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}")).isEqualTo(2);
        assertThat(simulator.stats().calls("PUT /v1/klasses/{name}/{id}")).isEqualTo(1);
    }

    @Test
    void upsertWithoutAnythingToLookUpByIsRefusedBeforeSending() {
        Exchange exchange = send(KOBJECTS, List.of(Map.of("title", "No key"), Map.of("externalId", "o-4", "title",
                "Fine")));
        assertThat(exchange.getException()).isInstanceOf(PartialFailureException.class);
        PartialFailureException partial = (PartialFailureException) exchange.getException();
        assertThat(partial.getFailedRecords()).singleElement().satisfies(failed -> {
            assertThat(failed.index()).isZero();
            assertThat(failed.message()).contains("upsert needs an externalId");
        });
        assertThat(simulator.kobjects("order")).extracting(StoredObject::externalId).containsExactly("o-4");
    }
}
