package io.github.camelsaas.benchmarks.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The records the Zuora scenarios send: orders of ten custom fields, about 300 bytes of JSON each. */
public final class OrderRecords {

    public static final String OBJECT = "BenchOrder";
    private static final String[] STATUSES = {"open", "paid", "shipped", "cancelled"};
    private static final String[] REGIONS = {"emea", "amer", "apac"};

    private OrderRecords() {
    }

    public static List<Map<String, Object>> generate(int count) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(order(i));
        }
        return records;
    }

    public static Map<String, Object> order(int i) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("OrderId__c", String.format(Locale.ROOT, "ord-%08d", i));
        order.put("CustomerId__c", String.format(Locale.ROOT, "cust-%06d", i % 50_000));
        order.put("Sku__c", "SKU-" + (1000 + i % 997));
        order.put("Quantity__c", 1 + i % 9);
        order.put("UnitPrice__c", 4.99 + (i % 100));
        order.put("Currency__c", "USD");
        order.put("Status__c", STATUSES[i % STATUSES.length]);
        order.put("Region__c", REGIONS[i % REGIONS.length]);
        order.put("OrderDate__c", String.format(Locale.ROOT, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28));
        order.put("Notes__c", "benchmark order " + i + ", deliver to the front desk");
        return order;
    }
}
