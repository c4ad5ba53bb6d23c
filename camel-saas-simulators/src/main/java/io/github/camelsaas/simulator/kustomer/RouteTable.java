package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route for a method and raw path; of several matching templates the most specific wins. */
final class RouteTable {

    /** A route with the path variables of one request. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    RouteTable add(String method, String template, Permission permission, Route.Handler handler) {
        routes.add(new Route(method, new PathTemplate(template), permission, handler));
        return this;
    }

    Optional<Match> match(String method, String rawPath) {
        List<String> segments = PathTemplate.decodeSegments(rawPath);
        Match best = null;
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> params = route.path().match(segments);
            if (params != null && (best == null || route.path().specificity() > best.route().path().specificity())) {
                best = new Match(route, params);
            }
        }
        return Optional.ofNullable(best);
    }
}
