package io.github.camelsaas.common.paging;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;

/**
 * The records of a paged read, fetched one page at a time: the next page is requested only when the current one is
 * used up and another record is asked for, so a reader that stops reading stops the fetching. Meant for a splitter
 * in streaming mode; {@link #hasNext()} waits for the page it needs on the calling thread (an Iterator cannot do
 * otherwise), so the source must not need that thread's pool to complete a page. A failed page fetch surfaces as
 * the unchecked exception of the call, such as the vendor's API exception.
 */
public final class PagedRecordIterator implements Iterator<Map<String, Object>> {

    private final PageSource pages;
    private Iterator<Map<String, Object>> current;
    private String next;
    private long wanted;
    private int pagesFetched;

    /**
     * @param first  the first page, already fetched (so that a bad request fails the message, not its reader)
     * @param wanted records still wanted after the first page (Long.MAX_VALUE for all)
     */
    public PagedRecordIterator(PageSource pages, Page first, long wanted) {
        this.pages = pages;
        this.current = first.records().iterator();
        this.next = first.next();
        this.wanted = wanted;
    }

    /** Every record after the first page, for as long as there are pages. */
    public PagedRecordIterator(PageSource pages, Page first) {
        this(pages, first, Long.MAX_VALUE);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && next != null && wanted > 0) {
            Page page;
            try {
                page = pages.fetch(next, wanted).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            pagesFetched++;
            current = page.records().iterator();
            // a page without records ends the read even if it links further: following it could loop for ever
            next = page.records().isEmpty() ? null : page.next();
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

    /** How many pages this iterator fetched after the first. */
    public int pagesFetched() {
        return pagesFetched;
    }
}
