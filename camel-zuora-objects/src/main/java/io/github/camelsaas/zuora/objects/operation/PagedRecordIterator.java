package io.github.camelsaas.zuora.objects.operation;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;

/**
 * The records of a query, fetched one page at a time: the next page is requested only when the current one is
 * used up and another record is asked for. Meant for a splitter in streaming mode; {@link #hasNext()} waits for
 * the page it needs (on the calling thread: an Iterator cannot do otherwise). A failed page fetch surfaces as the
 * unchecked exception of the call, such as a {@link io.github.camelsaas.zuora.objects.ZuoraApiException}.
 */
final class PagedRecordIterator implements Iterator<Map<String, Object>> {

    private final QueryPages pages;
    private Iterator<Map<String, Object>> current;
    private String nextCursor;
    private long wanted;

    /** @param wanted records still wanted after the first page (Long.MAX_VALUE for all) */
    PagedRecordIterator(QueryPages pages, QueryPages.Page first, long wanted) {
        this.pages = pages;
        this.current = first.records().iterator();
        this.nextCursor = first.nextCursor();
        this.wanted = wanted;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && nextCursor != null && wanted > 0) {
            QueryPages.Page page;
            try {
                page = pages.fetch(nextCursor, wanted).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            current = page.records().iterator();
            nextCursor = page.nextCursor();
            if (wanted != Long.MAX_VALUE) {
                wanted -= page.records().size();
            }
        }
        return current.hasNext();
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records");
        }
        return current.next();
    }
}
