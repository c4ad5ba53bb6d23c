package io.github.camelsaas.zuora.objects.operation;

import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.common.paging.PagedRecordIterator;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;

/**
 * {@code query}: the records matching a filter, following cursors. As a List of every record, or with
 * {@code streaming} as an Iterator that fetches the first page now and each further page on demand.
 */
public final class QueryOperation {

    private final ZuoraApi api;
    private final String object;
    private final int pageSize;
    private final int maxRecords;
    private final boolean streaming;

    public QueryOperation(ZuoraApi api, String object, int pageSize, int maxRecords, boolean streaming) {
        this.api = api;
        this.object = object;
        this.pageSize = pageSize;
        this.maxRecords = maxRecords;
        this.streaming = streaming;
    }

    /** @param filter Zuora's q, or null for every record */
    public CompletableFuture<ExchangeResult> execute(String filter, CallContext call) {
        QueryPages pages = new QueryPages(api, object, filter, pageSize, call);
        if (!streaming) {
            return pages.fetchAll(maxRecords).thenApply(ExchangeResult::of);
        }
        long wanted = maxRecords == 0 ? Long.MAX_VALUE : maxRecords;
        // the first page now, so a bad filter or object fails the message rather than its consumer
        return pages.fetch(null, wanted).thenApply(first -> ExchangeResult.of(new PagedRecordIterator(pages, first,
                wanted == Long.MAX_VALUE ? wanted : wanted - first.records().size())));
    }
}
