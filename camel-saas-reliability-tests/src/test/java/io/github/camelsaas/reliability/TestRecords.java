package io.github.camelsaas.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records with a unique key each, so the server's store can be compared with what was sent. */
final class TestRecords {

    private TestRecords() {
    }

    /**
     * KObjects of klass "order" titled {@code prefix-0..n-1}; the even ones also carry that title as externalId (so
     * the component can look them up after an uncertain outcome), the odd ones do not.
     */
    static List<Map<String, Object>> kobjects(String prefix, int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(kobject(prefix + "-" + i, i % 2 == 0));
        }
        return records;
    }

    static Map<String, Object> kobject(String title, boolean withExternalId) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("title", title);
        if (withExternalId) {
            record.put("externalId", title);
        }
        record.put("data", Map.of("amount", title.length()));
        return record;
    }

    /** Zuora Order records numbered {@code prefix-0..n-1} in OrderNumber__c. */
    static List<Map<String, Object>> orders(String prefix, int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(order(prefix + "-" + i, i));
        }
        return records;
    }

    static Map<String, Object> order(String number, int amount) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("OrderNumber__c", number);
        record.put("Amount__c", amount);
        return record;
    }
}
