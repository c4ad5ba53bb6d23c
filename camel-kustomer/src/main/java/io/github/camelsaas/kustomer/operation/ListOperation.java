package io.github.camelsaas.kustomer.operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Message;

import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.common.paging.PagedRecordIterator;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.kustomer.KustomerResource;
import io.github.camelsaas.kustomer.api.CallStats;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerLists;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.api.KustomerRequest;
import io.github.camelsaas.kustomer.api.ListScope;
import io.github.camelsaas.kustomer.api.PageLink;

/**
 * {@code list}: the records of a resource, the org's or one parent's (the scope header), read on the path Kustomer's
 * API describes for that pair. Sends only the query parameters that path declares; anything else the message asks
 * for fails before sending, naming what the path takes. Answers one page (a List of Maps, with the paging headers),
 * or, with {@code streaming}, an Iterator that reads the first page now and each further one only when the records
 * before it have been used up.
 */
public final class ListOperation {

    private final KustomerClient client;
    private final Integer pageSize;
    private final boolean streaming;

    /** @param pageSize the endpoint's pageSize option, or null for Kustomer's default */
    public ListOperation(KustomerClient client, Integer pageSize, boolean streaming) {
        this.client = client;
        this.pageSize = pageSize;
        this.streaming = streaming;
    }

    /** @throws IllegalArgumentException for a list Kustomer does not have or a parameter its path does not take */
    public CompletableFuture<ExchangeResult> run(KustomerResource resource, String klass, Message message,
                                                 CallStats stats) {
        KustomerLists.ListPath list = listOf(resource, klass, message);
        KustomerRequest first = firstRequest(list, message);
        ListPages pages = new ListPages(client, list, stats);
        return pages.first(first).thenApply(page -> streaming
                ? ExchangeResult.of(new PagedRecordIterator(pages, page.asPage()))
                : onePage(page));
    }

    private static ExchangeResult onePage(ListPage page) {
        // null values remove the header, so that one an earlier list left on the message cannot read as this one's
        return ExchangeResult.of(page.records())
                .header(KustomerConstants.PAGE, page.page())
                .header(KustomerConstants.PAGE_SIZE, page.pageSize())
                .header(KustomerConstants.NEXT_PAGE, page.nextPage())
                .header(KustomerConstants.NEXT_PAGE_LINK, page.nextLink())
                .header(KustomerConstants.TOTAL, page.total())
                .header(KustomerConstants.TOTAL_PAGES, page.totalPages());
    }

    /** The list the scope headers name: at most one of them, on a path Kustomer has. */
    private static KustomerLists.ListPath listOf(KustomerResource resource, String klass, Message message) {
        ListScope scope = ListScope.org;
        String scopeId = null;
        for (ListScope candidate : ListScope.values()) {
            String value = candidate.header() == null ? null : message.getHeader(candidate.header(), String.class);
            if (value == null) {
                continue;
            }
            if (scopeId != null) {
                throw new IllegalArgumentException("list of " + resource + " takes one scope, got both "
                        + scope.header() + " and " + candidate.header());
            }
            scope = candidate;
            scopeId = KustomerPaths.requireSegment(value, "header " + candidate.header());
        }
        return KustomerLists.of(resource, klass, scope, scopeId);
    }

    /** The page the message asks for: the next-page link it carries, else page, pageSize and parameters. */
    private KustomerRequest firstRequest(KustomerLists.ListPath list, Message message) {
        String link = message.getHeader(KustomerConstants.NEXT_PAGE_LINK, String.class);
        if (link != null && !link.isBlank()) {
            return PageLink.request(link, list, "header " + KustomerConstants.NEXT_PAGE_LINK);
        }
        Map<String, Object> query = new LinkedHashMap<>();
        Integer page = positive(message, KustomerConstants.PAGE);
        // page 1 is where every list starts: asked for where the path does not take page, nothing needs sending
        if (page != null && (page > 1 || list.declares(KustomerLists.PAGE))) {
            query.put(KustomerLists.PAGE, page);
        }
        Integer size = positive(message, KustomerConstants.PAGE_SIZE);
        if (size != null) {
            query.put(KustomerLists.PAGE_SIZE, size);
        } else if (pageSize != null && list.declares(KustomerLists.PAGE_SIZE)) {
            // the endpoint's option applies where the path takes it (a notes endpoint lists the org's notes too)
            query.put(KustomerLists.PAGE_SIZE, pageSize);
        }
        Map<?, ?> parameters = message.getHeader(KustomerConstants.LIST_PARAMETERS, Map.class);
        if (parameters != null) {
            parameters.forEach((name, value) -> {
                if (value != null) {
                    query.put(String.valueOf(name), value);
                }
            });
        }
        StringJoiner text = new StringJoiner("&");
        query.forEach((name, value) -> {
            if (!list.declares(name)) {
                throw new IllegalArgumentException(undeclared(list, name));
            }
            text.add(encode(name) + "=" + encode(String.valueOf(value)));
        });
        return KustomerRequest.get(list.path(), query.isEmpty() ? null : text.toString());
    }

    private static String undeclared(KustomerLists.ListPath list, String name) {
        String takes = list.parameters().isEmpty() ? "no query parameters" : String.join(", ",
                new java.util.TreeSet<>(list.parameters()));
        String hint = switch (name) {
            case KustomerLists.PAGE -> "; read its pages with streaming=true or the header "
                    + KustomerConstants.NEXT_PAGE_LINK + " of the page before";
            case KustomerLists.PAGE_SIZE -> "; lists of " + list.resource() + " that take it: "
                    + KustomerLists.listsDeclaring(list.resource(), "name", KustomerLists.PAGE_SIZE);
            default -> "";
        };
        return "Kustomer's " + list.describe() + " takes no " + name + " (it takes " + takes + "); nothing was sent"
                + hint;
    }

    private static Integer positive(Message message, String header) {
        Integer value = message.getHeader(header, Integer.class);
        if (value != null && value < 1) {
            throw new IllegalArgumentException(header + " must be at least 1, was " + value);
        }
        return value;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
