package io.github.camelsaas.examples.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How one order of the sample becomes a Kustomer customer, a Kustomer KObject and a Zuora record. */
final class OrderMapping {

    /** The Kustomer klass and the Zuora custom object the example writes. */
    static final String KLASS = "order";
    static final String ZUORA_OBJECT = "Order";

    private OrderMapping() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> customerOf(Map<String, Object> order) {
        return (Map<String, Object>) order.get("customer");
    }

    static String customerExternalId(Map<String, Object> order) {
        return (String) customerOf(order).get("externalId");
    }

    /** The Kustomer customer the order belongs to, keyed by its external id so it is upserted, not duplicated. */
    static Map<String, Object> kustomerCustomer(Map<String, Object> order) {
        Map<String, Object> customer = customerOf(order);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("externalId", customer.get("externalId"));
        record.put("name", customer.get("name"));
        record.put("emails", List.of(Map.of("type", "home", "email", customer.get("email"))));
        return record;
    }

    /**
     * The order as a KObject of klass {@code order}: typed custom attributes (the suffix names the type), linked
     * to the customer by its Kustomer id.
     */
    static Map<String, Object> kobject(Map<String, Object> order, String kustomerCustomerId) {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("amountNum", order.get("amount"));
        custom.put("currencyStr", order.get("currency"));
        custom.put("statusStr", order.get("status"));
        custom.put("orderedAtAt", order.get("orderedAt"));
        custom.put("itemsNum", order.get("items"));
        custom.put("channelStr", order.get("channel"));
        custom.put("giftWrapBool", order.get("giftWrap"));
        custom.put("trackingUrlUrl", order.get("trackingUrl"));
        Map<String, Object> kobject = new LinkedHashMap<>();
        kobject.put("title", "Order " + order.get("orderId"));
        kobject.put("externalId", order.get("orderId"));
        kobject.put("customer", kustomerCustomerId);
        kobject.put("custom", custom);
        return kobject;
    }

    /** The order as a record of the Zuora custom object {@code Order} (custom fields end in __c). */
    static Map<String, Object> zuoraRecord(Map<String, Object> order) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("OrderId__c", order.get("orderId"));
        record.put("CustomerId__c", customerExternalId(order));
        record.put("Amount__c", order.get("amount"));
        record.put("Currency__c", order.get("currency"));
        record.put("Status__c", order.get("status"));
        record.put("OrderedAt__c", order.get("orderedAt"));
        record.put("Items__c", order.get("items"));
        record.put("Channel__c", order.get("channel"));
        record.put("GiftWrap__c", order.get("giftWrap"));
        record.put("TrackingUrl__c", order.get("trackingUrl"));
        return record;
    }
}
