package io.github.camelsaas.examples.springboot;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an order (a {@code Map} with {@code orderNumber}, {@code amount}, {@code currency}, {@code status} and
 * {@code orderedAt}) into what each system stores.
 */
public final class OrderMapping {

    private OrderMapping() {
    }

    /**
     * A Kustomer KObject of klass {@code order}: the order number as external id, and typed custom attributes
     * (Kustomer reads the type from the name's suffix: {@code Num}, {@code Str}, {@code At}).
     */
    public static Map<String, Object> toKObject(Map<String, Object> order) {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("amountNum", order.get("amount"));
        custom.put("currencyStr", order.get("currency"));
        custom.put("statusStr", order.get("status"));
        custom.put("orderedAt", order.get("orderedAt"));
        Map<String, Object> kobject = new LinkedHashMap<>();
        kobject.put("externalId", order.get("orderNumber"));
        kobject.put("title", "Order " + order.get("orderNumber"));
        kobject.put("custom", custom);
        return kobject;
    }

    /** A record of the Zuora custom object {@code Order} (custom fields end in {@code __c}). */
    public static Map<String, Object> toZuoraRecord(Map<String, Object> order) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("OrderNumber__c", order.get("orderNumber"));
        record.put("Amount__c", order.get("amount"));
        record.put("Currency__c", order.get("currency"));
        record.put("Status__c", order.get("status"));
        record.put("OrderedAt__c", order.get("orderedAt"));
        return record;
    }

    /** A made-up order, for the sample feed and the local run. */
    public static Map<String, Object> sample(int n) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderNumber", String.format("SO-%05d", n));
        order.put("amount", BigDecimal.valueOf(1990 + 1000L * (n % 17), 2));
        order.put("currency", n % 3 == 0 ? "EUR" : "USD");
        order.put("status", n % 5 == 0 ? "refunded" : "paid");
        order.put("orderedAt", String.format("2026-11-%02dT%02d:15:00Z", 1 + n % 28, 8 + n % 10));
        return order;
    }
}
