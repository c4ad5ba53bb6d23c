package io.github.camelsaas.common.paging;

import java.util.List;
import java.util.Map;

/**
 * One page of a paged read.
 *
 * @param records the page's records
 * @param next    where the next page starts (a vendor's cursor or next-page link), or null when this is the last
 */
public record Page(List<Map<String, Object>> records, String next) {

    public Page {
        records = List.copyOf(records);
    }

    public boolean isLast() {
        return next == null;
    }
}
