package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON:API shapes Kustomer answers with: documents, resources, relationships, paged lists. */
final class JsonApi {

    private JsonApi() {
    }

    static Map<String, Object> document(Map<String, Object> resource) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", resource);
        return document;
    }

    static Map<String, Object> resource(String type, String id, Map<String, Object> attributes,
            Map<String, Object> relationships, Map<String, Object> links) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", type);
        resource.put("id", id);
        resource.put("attributes", attributes);
        resource.put("relationships", relationships);
        resource.put("links", links);
        return resource;
    }

    /** {@code {"links":{"self":..},"data":{"type":..,"id":..}}} */
    static Map<String, Object> related(String type, String id, String selfPath) {
        Map<String, Object> relationship = new LinkedHashMap<>();
        relationship.put("links", self(selfPath));
        relationship.put("data", identifier(type, id));
        return relationship;
    }

    static Map<String, Object> identifier(String type, String id) {
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", type);
        identifier.put("id", id);
        return identifier;
    }

    static Map<String, Object> self(String path) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", path);
        return links;
    }

    /** What a list's answer carries besides page and pageSize, as the spec's schema for its path says. */
    enum PageTotals {
        /** {@code meta: {pageSize, page}}, {@code links: {self, first, prev, next}}: most lists. */
        NONE,
        /**
         * {@code meta} adds {@code total} and {@code totalPages}, {@code links} adds {@code last}: {@code GET
         * /v1/customers}.
         */
        COUNTED
    }

    /**
     * One page of a list, in the shape of the spec's list answers: {@code meta} (pageSize, page; with
     * {@link PageTotals#COUNTED} also total and totalPages), {@code data} (only this page's records are rendered) and
     * {@code links} (self, first, prev, next, with COUNTED also last). {@code prev} and {@code next} are null on the
     * first and the last page, the only places the schemas allow a null. Links keep the call's other query parameters
     * (a filter, a sort), so following {@code next} continues the same list.
     */
    static <T> Map<String, Object> page(List<T> all, Paging paging, String basePath, PageTotals totals,
            Function<T, Map<String, Object>> render) {
        int from = (int) Math.min(all.size(), (long) (paging.page() - 1) * paging.pageSize());
        int to = Math.min(all.size(), from + paging.pageSize());
        int totalPages = Math.max(1, (all.size() + paging.pageSize() - 1) / paging.pageSize());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("pageSize", paging.pageSize());
        meta.put("page", paging.page());
        if (totals == PageTotals.COUNTED) {
            meta.put("total", all.size());
            meta.put("totalPages", totalPages);
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", paging.link(basePath, paging.page()));
        links.put("first", paging.link(basePath, 1));
        links.put("prev", paging.page() > 1 ? paging.link(basePath, paging.page() - 1) : null);
        links.put("next", to < all.size() ? paging.link(basePath, paging.page() + 1) : null);
        if (totals == PageTotals.COUNTED) {
            links.put("last", paging.link(basePath, totalPages));
        }
        List<Map<String, Object>> data = new ArrayList<>(to - from);
        all.subList(from, to).forEach(record -> data.add(render.apply(record)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", meta);
        document.put("data", data);
        document.put("links", links);
        return document;
    }

    /**
     * {@code page} (from 1) and {@code pageSize} (default 100, as Kustomer documents, or what the simulator is
     * configured with; at most 1000 here, a ceiling of the simulator's own since Kustomer publishes none), and the
     * call's other query parameters, which its links keep.
     */
    record Paging(int page, int pageSize, Map<String, String> otherParameters) {

        static final int DEFAULT_PAGE_SIZE = 100;
        static final int MAX_PAGE_SIZE = 1000;

        static Paging of(Call call, int defaultPageSize) {
            Map<String, String> others = new LinkedHashMap<>(call.queryParameters());
            others.remove("page");
            others.remove("pageSize");
            return new Paging(positive(call, "page", 1, Integer.MAX_VALUE),
                    positive(call, "pageSize", defaultPageSize, MAX_PAGE_SIZE), others);
        }

        private static int positive(Call call, String name, int defaultValue, int max) {
            String text = call.query(name);
            if (text == null || text.isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(text);
                if (value >= 1 && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ApiException.invalidParameter(name, name + " must be an integer from 1 to " + max + ", was " + text);
        }

        String link(String basePath, int toPage) {
            StringBuilder link = new StringBuilder(basePath).append("?page=").append(toPage).append("&pageSize=")
                    .append(pageSize);
            otherParameters.forEach((name, value) -> link.append('&').append(encode(name)).append('=')
                    .append(encode(value)));
            return link.toString();
        }

        private static String encode(String text) {
            return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
