package io.github.camelsaas.kustomer.operation;

import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.paging.Page;
import io.github.camelsaas.common.paging.PageSource;
import io.github.camelsaas.kustomer.KustomerApiException;
import io.github.camelsaas.kustomer.KustomerAuthenticationException;
import io.github.camelsaas.kustomer.api.CallStats;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerLists;
import io.github.camelsaas.kustomer.api.KustomerRequest;
import io.github.camelsaas.kustomer.api.KustomerResponse;
import io.github.camelsaas.kustomer.api.PageLink;

/**
 * Reads the pages of one list: the first as the message asked for it, each next one by following the answer's
 * {@code links.next}. Every page is one call through the endpoint's client, so through the org's throttle, its
 * concurrency cap and its retries, like every other call.
 */
final class ListPages implements PageSource {

    private final KustomerClient client;
    private final KustomerLists.ListPath list;
    private final CallStats stats;

    ListPages(KustomerClient client, KustomerLists.ListPath list, CallStats stats) {
        this.client = client;
        this.list = list;
        this.stats = stats;
    }

    /** The first page (the exchange waits for it on the component's workers, as for any call). */
    CompletableFuture<ListPage> first(KustomerRequest request) {
        return client.send(request, stats).thenApply(response -> read(request, response));
    }

    /**
     * A next page, for the Iterator of a streaming list: it waits for the answer on its own thread, so the answer
     * must not need one of the workers, where that thread may itself be.
     */
    @Override
    public CompletableFuture<Page> fetch(String nextLink, long wanted) {
        KustomerRequest request;
        try {
            request = PageLink.request(nextLink, list, "Kustomer's links.next");
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(e.getMessage(), e));
        }
        return client.sendForWaitingReader(request, stats).thenApply(response -> {
            Page page = read(request, response).asPage();
            // Kustomer's page size is the link's; the reader wants all of it unless it said otherwise
            return wanted >= page.records().size() ? page
                    : new Page(page.records().subList(0, (int) wanted), page.next());
        });
    }

    private static ListPage read(KustomerRequest request, KustomerResponse response) {
        if (response.status() == 401) {
            throw KustomerAuthenticationException.of(request, response.error());
        }
        if (!response.isSuccessful()) {
            throw KustomerApiException.of(request, response.error());
        }
        return ListPage.of(response);
    }
}
