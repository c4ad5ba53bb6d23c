package io.github.camelsaas.examples.orders;

import java.time.Duration;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * The stand-ins used when no credentials are set, with the vendors' real limits: Kustomer's lowest plan (300
 * requests per minute for the org) and 120 creates per customer per minute; Zuora's 1,000 records per call and 40
 * calls in flight. A shorter window can be asked for, so tests run the same flow in seconds.
 */
final class EmbeddedSimulators implements AutoCloseable {

    /** Kustomer's lowest plan: 300 requests per minute for the whole org. */
    static final int KUSTOMER_ORG_LIMIT = 300;
    /** KObject, conversation, message and note creates per customer per minute. */
    static final int KUSTOMER_CUSTOMER_CREATE_LIMIT = 120;

    final KustomerSimulator kustomer = new KustomerSimulator();
    final ZuoraSimulator zuora = new ZuoraSimulator();
    final Duration window;

    EmbeddedSimulators(Duration window) {
        this.window = window;
        kustomer.setOrgLimit(KUSTOMER_ORG_LIMIT, window);
        kustomer.setCustomerCreateLimit(KUSTOMER_CUSTOMER_CREATE_LIMIT, window);
        zuora.registerDefinition(orderDefinition());
    }

    void start() {
        kustomer.start();
        zuora.start();
    }

    static ObjectDefinition orderDefinition() {
        return ObjectDefinition.builder(OrderMapping.ZUORA_OBJECT)
                .label("Order")
                .field(FieldDefinition.string("OrderId__c").required().filterable().unique())
                .field(FieldDefinition.string("CustomerId__c").required().filterable())
                .field(FieldDefinition.number("Amount__c").required())
                .field(FieldDefinition.string("Currency__c").maxLength(3))
                .field(FieldDefinition.string("Status__c").filterable())
                .field(FieldDefinition.dateTime("OrderedAt__c"))
                .field(FieldDefinition.integer("Items__c"))
                .field(FieldDefinition.string("Channel__c"))
                .field(FieldDefinition.bool("GiftWrap__c"))
                .field(FieldDefinition.string("TrackingUrl__c"))
                .build();
    }

    @Override
    public void close() {
        kustomer.stop();
        zuora.stop();
    }
}
