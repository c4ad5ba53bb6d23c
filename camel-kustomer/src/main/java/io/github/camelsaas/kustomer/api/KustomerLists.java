package io.github.camelsaas.kustomer.api;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelsaas.kustomer.KustomerResource;

/**
 * The lists Kustomer's API describes, per resource and scope, each with the query parameters its spec declares
 * ({@code kustomer-core.openapi.json}): only those are ever sent. Several lists declare no {@code page} or
 * {@code pageSize}; their pages are reached through the answer's {@code links.next}.
 */
public final class KustomerLists {

    /** One list: where it is read, and the query parameters its path declares. */
    public record ListPath(KustomerResource resource, ListScope scope, KustomerPaths.ApiPath path,
                           Set<String> parameters) {

        public boolean declares(String parameter) {
            return parameters.contains(parameter);
        }

        /** E.g. {@code GET /v1/customers/{id}/conversations}. */
        public String describe() {
            return "GET " + path.template();
        }
    }

    public static final String PAGE = "page";
    public static final String PAGE_SIZE = "pageSize";

    private static final Map<KustomerResource, Map<ListScope, Set<String>>> DECLARED = new EnumMap<>(
            KustomerResource.class);

    static {
        declare(KustomerResource.kobjects, ListScope.org, "fromDate");
        declare(KustomerResource.kobjects, ListScope.customer);
        declare(KustomerResource.kobjects, ListScope.company);
        declare(KustomerResource.customers, ListScope.org);
        declare(KustomerResource.companies, ListScope.org, "externalId", "filter");
        declare(KustomerResource.conversations, ListScope.org, PAGE, PAGE_SIZE, "sort");
        declare(KustomerResource.conversations, ListScope.customer, PAGE, PAGE_SIZE, "fromDate");
        declare(KustomerResource.messages, ListScope.org, PAGE, PAGE_SIZE, "include", "sort");
        declare(KustomerResource.messages, ListScope.conversation, PAGE, PAGE_SIZE, "include");
        declare(KustomerResource.messages, ListScope.customer, PAGE, PAGE_SIZE, "include");
        declare(KustomerResource.notes, ListScope.org);
        declare(KustomerResource.notes, ListScope.conversation, PAGE, PAGE_SIZE);
    }

    private KustomerLists() {
    }

    private static void declare(KustomerResource resource, ListScope scope, String... parameters) {
        DECLARED.computeIfAbsent(resource, r -> new LinkedHashMap<>()).put(scope, Set.of(parameters));
    }

    /**
     * The list of {@code resource} in {@code scope}.
     *
     * @param  scopeId                  the parent's id (null for the org)
     * @throws IllegalArgumentException when Kustomer has no such list, naming the lists it has
     */
    public static ListPath of(KustomerResource resource, String klass, ListScope scope, String scopeId) {
        Map<ListScope, Set<String>> lists = DECLARED.getOrDefault(resource, Map.of());
        Set<String> parameters = lists.get(scope);
        if (parameters == null) {
            throw new IllegalArgumentException("Kustomer has no list of " + resource + " of " + scope.describe()
                    + "; " + resource + " are listed for " + lists.keySet().stream().map(ListScope::describe)
                            .collect(Collectors.joining(", ")));
        }
        KustomerPaths.ApiPath path = scope == ListScope.org ? KustomerPaths.collection(resource, klass)
                : KustomerPaths.under(scope.parentCollection(), scopeId, resource, klass);
        return new ListPath(resource, scope, path, parameters);
    }

    /** Whether some list of {@code resource} declares {@code parameter}. */
    public static boolean anyDeclares(KustomerResource resource, String parameter) {
        return DECLARED.getOrDefault(resource, Map.of()).values().stream().anyMatch(p -> p.contains(parameter));
    }

    /** The lists of {@code resource} that declare {@code parameter}, e.g. "GET /v1/conversations/{id}/notes". */
    public static String listsDeclaring(KustomerResource resource, String klass, String parameter) {
        String lists = DECLARED.getOrDefault(resource, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().contains(parameter))
                .map(e -> of(resource, klass, e.getKey(), "id").describe())
                .collect(Collectors.joining(", "));
        return lists.isEmpty() ? "none" : lists;
    }
}
