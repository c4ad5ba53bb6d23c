package io.github.camelsaas.zuora.objects.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.paging.Page;
import io.github.camelsaas.common.paging.PageSource;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraPaths;
import io.github.camelsaas.zuora.objects.api.ZuoraRequest;

/**
 * Fetches the pages of one query: {@code GET .../{object}?pageSize=&q=&cursor=}, answered {@code {count,
 * records, cursor}} with no cursor on the last page. Stops at {@code maxRecords} when set, asking for no more
 * records than are still wanted.
 */
final class QueryPages implements PageSource {

    private final ZuoraApi api;
    private final String object;
    private final String filter;
    private final int pageSize;
    private final CallContext call;

    QueryPages(ZuoraApi api, String object, String filter, int pageSize, CallContext call) {
        this.api = api;
        this.object = object;
        this.filter = filter;
        this.pageSize = pageSize;
        this.call = call;
    }

    /**
     * @param cursor  null for the first page
     * @param wanted  how many records are still wanted (Long.MAX_VALUE for all): the page asks for no more
     */
    @Override
    public CompletableFuture<Page> fetch(String cursor, long wanted) {
        int size = (int) Math.min(pageSize, Math.max(1, wanted));
        ZuoraRequest request = ZuoraRequest.get(ZuoraPaths.query(object, filter, size, cursor));
        return api.sendForObject(request, call).thenApply(answer -> {
            List<Map<String, Object>> records = new ArrayList<>();
            if (answer.get("records") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> record = (Map<String, Object>) map;
                        records.add(record);
                    }
                }
            }
            if (records.size() > wanted) {
                records = new ArrayList<>(records.subList(0, (int) wanted));
            }
            Object next = answer.get("cursor");
            boolean more = next instanceof String text && !text.isBlank() && !records.isEmpty();
            return new Page(records, more ? (String) next : null);
        });
    }

    /** Every page from the first, collected, up to {@code maxRecords} (0: all). */
    CompletableFuture<List<Map<String, Object>>> fetchAll(int maxRecords) {
        List<Map<String, Object>> all = new ArrayList<>();
        return collect(null, maxRecords == 0 ? Long.MAX_VALUE : maxRecords, all).thenApply(done -> all);
    }

    private CompletableFuture<Void> collect(String cursor, long wanted, List<Map<String, Object>> all) {
        return fetch(cursor, wanted).thenCompose(page -> {
            all.addAll(page.records());
            long stillWanted = wanted == Long.MAX_VALUE ? wanted : wanted - page.records().size();
            if (page.next() == null || stillWanted <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            return collect(page.next(), stillWanted, all);
        });
    }
}
