package io.github.camelsaas.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;

/**
 * Collects every text a user (or an operator reading logs) can see while routes run: log lines, exception stack
 * traces, endpoint and route {@code toString()} and URIs, exchange headers and properties. Then says which of them
 * hold a secret, in clear or URL-encoded.
 */
final class SecretExposures {

    /** One place a text was seen, e.g. "log", "exception of get", "endpoint uri". */
    record Seen(String where, String text) {
    }

    private final Set<String> secrets = new LinkedHashSet<>();
    private final List<Seen> seen = new ArrayList<>();

    /**
     * A secret to look for: whole, URL-encoded, and in pieces, since a dump cut into 16-byte lines (HttpClient's
     * wire log) leaves at least 7 characters of a 14-character stretch together on one line. The pieces come from
     * the stretch that starts 3 characters before "SECRET" when the value has it (so "kustomer-k" never matches an
     * ordinary "kustomer-kobjects"), otherwise from the whole value, 12 characters each (random tokens).
     */
    SecretExposures secret(String value) {
        secrets.add(value);
        secrets.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        int marker = value.indexOf("SECRET");
        String distinctive = marker < 0 ? value : value.substring(Math.max(0, marker - 3));
        int piece = marker < 0 ? 12 : 7;
        for (int start = 0; start + piece <= distinctive.length(); start++) {
            secrets.add(distinctive.substring(start, start + piece));
        }
        return this;
    }

    Set<String> secrets() {
        return secrets;
    }

    void text(String where, Object text) {
        seen.add(new Seen(where, String.valueOf(text)));
    }

    void logLines(List<String> lines) {
        lines.forEach(line -> text("log", line));
    }

    void exception(String where, Throwable failure) {
        if (failure != null) {
            text(where + " exception", EverythingAtTrace.stackTrace(failure));
        }
    }

    /** The exchange's exception, every header and every property (Camel's internal ones included). */
    void exchange(String where, Exchange exchange) {
        exception(where, exchange.getException());
        exchange.getMessage().getHeaders().forEach((name, value) -> text(where + " header " + name, value));
        for (Map.Entry<String, Object> property : exchange.getAllProperties().entrySet()) {
            text(where + " property " + property.getKey(), property.getValue());
            if (property.getValue() instanceof Throwable failure) {
                exception(where + " property " + property.getKey(), failure);
            }
        }
    }

    /** Every endpoint and route of the context: toString, URIs and keys. */
    void context(CamelContext context) {
        for (Endpoint endpoint : context.getEndpoints()) {
            text("endpoint toString", endpoint);
            text("endpoint uri", endpoint.getEndpointUri());
            text("endpoint base uri", endpoint.getEndpointBaseUri());
            text("endpoint key", endpoint.getEndpointKey());
        }
        for (Route route : context.getRoutes()) {
            text("route toString", route);
            text("route endpoint", route.getEndpoint());
        }
        context.getComponentNames().forEach(name -> text("component toString", context.getComponent(name)));
    }

    /** Camel's loggers that print an endpoint URI, and its parameters, as written, at TRACE. */
    static final Set<String> CAMEL_TRACE_URI_LOGGERS = Set.of("org.apache.camel.impl.engine.AbstractCamelContext",
            "org.apache.camel.support.EndpointHelper", "org.apache.camel.support.DefaultComponent");

    /**
     * Where Camel itself shows an endpoint URI as written, for any component: {@code getEndpointUri()} and
     * {@code getEndpointKey()}, the exchange properties CamelToEndpoint and CamelFailureEndpoint, and three TRACE
     * loggers. A credential written into a URI is therefore visible there; on the component it never is.
     */
    static boolean camelShowsTheUriAsWritten(Seen seen) {
        if (seen.where().equals("log")) {
            String[] words = seen.text().split(" ", 3);
            return words[0].equals("TRACE") && CAMEL_TRACE_URI_LOGGERS.contains(words[1]);
        }
        return seen.where().equals("endpoint uri") || seen.where().equals("endpoint key")
               || seen.where().endsWith(" property CamelToEndpoint")
               || seen.where().endsWith(" property CamelFailureEndpoint");
    }

    /**
     * Camel's property placeholder resolution logs every value it resolves, whatever the key: "Found property: k
     * with value: v to be used" at DEBUG ({@code org.apache.camel.component.properties}), "Resolved text: ... ->
     * ..." at DEBUG ({@code DefaultCamelContextExtension}), lookups at TRACE.
     */
    static boolean camelShowsResolvedPlaceholders(Seen seen) {
        if (!seen.where().equals("log")) {
            return false;
        }
        String logger = seen.text().split(" ", 3)[1];
        return logger.startsWith("org.apache.camel.component.properties.")
               || logger.equals("org.apache.camel.impl.engine.DefaultCamelContextExtension");
    }

    /** Every place a secret was seen. */
    List<Seen> exposures() {
        return seen.stream().filter(s -> secrets.stream().anyMatch(s.text()::contains)).toList();
    }

    /** Exposures that {@code expected} does not account for. */
    List<Seen> exposuresExcept(Predicate<Seen> expected) {
        return exposures().stream().filter(expected.negate()).toList();
    }

    int size() {
        return seen.size();
    }

    /** How many texts were seen at each kind of place, for the assertion that the check was not vacuous. */
    long count(Predicate<Seen> which) {
        return seen.stream().filter(which).count();
    }
}
