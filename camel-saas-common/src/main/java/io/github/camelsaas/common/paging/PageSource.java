package io.github.camelsaas.common.paging;

import java.util.concurrent.CompletableFuture;

/** Fetches the pages of one paged read, each through the component's usual call path (throttle, retries). */
@FunctionalInterface
public interface PageSource {

    /**
     * @param next   where the page starts: the {@link Page#next()} of the page before
     * @param wanted how many records are still wanted (Long.MAX_VALUE for all): a source may ask for no more, and
     *               returns at most this many
     */
    CompletableFuture<Page> fetch(String next, long wanted);
}
