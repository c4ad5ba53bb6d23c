package io.github.camelsaas.kustomer.operation;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.paging.Page;
import io.github.camelsaas.kustomer.api.KustomerResponse;

/**
 * One page of a Kustomer list as its answer describes it: the records ({@code data}), {@code meta} (page, pageSize;
 * total and totalPages where Kustomer counts, as for customers) and {@code links.next}, null on the last page.
 */
record ListPage(List<Map<String, Object>> records, Integer page, Integer pageSize, Integer total, Integer totalPages,
                String nextLink) {

    static ListPage of(KustomerResponse response) {
        Map<String, Object> document = response.document();
        Map<?, ?> meta = document.get("meta") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> links = document.get("links") instanceof Map<?, ?> l ? l : Map.of();
        String next = links.get("next") instanceof String text && !text.isBlank() ? text : null;
        return new ListPage(response.dataList(), integer(meta.get("page")), integer(meta.get("pageSize")),
                integer(meta.get("total")), integer(meta.get("totalPages")), next);
    }

    /** The number of the next page, when there is one and this page's number is known. */
    Integer nextPage() {
        return nextLink != null && page != null ? page + 1 : null;
    }

    /** The records and the next link, as the shared paged reading takes them. */
    Page asPage() {
        return new Page(records, records.isEmpty() ? null : nextLink);
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }
}
