package io.github.camelsaas.examples.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Sends the orders through the routes: to Zuora as one list (the component makes it ceil(N/1000) calls), and to
 * Kustomer page by page (customers upserted first, then the page's KObjects in one bulk call), counting what was
 * created and what failed as it goes.
 */
final class OrdersSync {

    /** Kustomer's bulk endpoints take at most 100 items: one page, one bulk call, one progress step. */
    static final int KUSTOMER_PAGE = 100;

    private final ProducerTemplate template;
    private final SyncProgress progress;
    private final Map<String, String> kustomerIdByExternalId = new HashMap<>();

    OrdersSync(ProducerTemplate template, SyncProgress progress) {
        this.template = template;
        this.progress = progress;
    }

    void toZuora(List<Map<String, Object>> orders) {
        List<Map<String, Object>> records = orders.stream().map(OrderMapping::zuoraRecord).toList();
        Exchange result = template.request(OrdersSyncRoutes.CREATE_ZUORA_RECORDS, e -> e.getIn().setBody(records));
        count(progress.zuora, result, records.size(), "CamelZuoraObjectsFailedRecords", "CamelZuoraObjectsRequestCount");
        progress.finished(progress.zuora);
    }

    void toKustomer(List<Map<String, Object>> orders) {
        for (int from = 0; from < orders.size(); from += KUSTOMER_PAGE) {
            List<Map<String, Object>> page = orders.subList(from, Math.min(orders.size(), from + KUSTOMER_PAGE));
            progress.kustomer.stepStartedNanos = System.nanoTime();
            upsertNewCustomers(page);
            List<Map<String, Object>> kobjects = new ArrayList<>();
            for (Map<String, Object> order : page) {
                String customerId = kustomerIdByExternalId.get(OrderMapping.customerExternalId(order));
                if (customerId == null) {
                    progress.kustomer.failed.incrementAndGet(); // its customer could not be written
                } else {
                    kobjects.add(OrderMapping.kobject(order, customerId));
                }
            }
            if (!kobjects.isEmpty()) {
                Exchange result = template.request(OrdersSyncRoutes.CREATE_KOBJECTS, e -> e.getIn().setBody(kobjects));
                count(progress.kustomer, result, kobjects.size(), "CamelKustomerFailedRecords",
                        "CamelKustomerRequestCount");
                noteOrgQuota(result);
            }
        }
        progress.kustomer.stepStartedNanos = 0;
        progress.finished(progress.kustomer);
    }

    @SuppressWarnings("unchecked")
    private void upsertNewCustomers(List<Map<String, Object>> page) {
        Map<String, Map<String, Object>> newCustomers = new LinkedHashMap<>();
        for (Map<String, Object> order : page) {
            String externalId = OrderMapping.customerExternalId(order);
            if (!kustomerIdByExternalId.containsKey(externalId)) {
                newCustomers.putIfAbsent(externalId, OrderMapping.kustomerCustomer(order));
            }
        }
        if (newCustomers.isEmpty()) {
            return;
        }
        List<Map<String, Object>> customers = new ArrayList<>(newCustomers.values());
        Exchange result = template.request(OrdersSyncRoutes.UPSERT_CUSTOMERS, e -> e.getIn().setBody(customers));
        rethrowUnexpected(result);
        addCalls(progress.kustomer, result, "CamelKustomerRequestCount");
        noteOrgQuota(result);
        for (Object written : result.getMessage().getBody(List.class)) {
            Map<String, Object> data = (Map<String, Object>) written;
            Map<String, Object> attributes = (Map<String, Object>) data.get("attributes");
            kustomerIdByExternalId.put((String) attributes.get("externalId"), (String) data.get("id"));
        }
    }

    /** The org's requests left in this window, as the last answer said (shown in the progress line). */
    private void noteOrgQuota(Exchange result) {
        Integer remaining = result.getMessage().getHeader("CamelKustomerRateLimitRemaining", Integer.class);
        if (remaining != null) {
            progress.kustomer.quotaLeft = remaining;
            progress.kustomer.note.set("org quota left in this window: " + remaining);
        }
    }

    private static void count(SyncProgress.SystemCounts counts, Exchange result, int sent, String failedHeader,
                              String callsHeader) {
        rethrowUnexpected(result);
        List<?> failed = result.getMessage().getHeader(failedHeader, List.class);
        int failures = failed == null ? 0 : failed.size();
        counts.failed.addAndGet(failures);
        counts.created.addAndGet(sent - failures);
        addCalls(counts, result, callsHeader);
    }

    private static void addCalls(SyncProgress.SystemCounts counts, Exchange result, String callsHeader) {
        Integer calls = result.getMessage().getHeader(callsHeader, Integer.class);
        counts.calls.addAndGet(calls == null ? 0 : calls);
    }

    /** A failure that is not about records (bad credentials, a stopped context) ends the run with its message. */
    private static void rethrowUnexpected(Exchange result) {
        if (result.getException() != null) {
            throw new IllegalStateException(result.getException().getMessage(), result.getException());
        }
    }
}
