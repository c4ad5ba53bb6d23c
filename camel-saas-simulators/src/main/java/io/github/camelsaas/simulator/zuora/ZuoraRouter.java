package io.github.camelsaas.simulator.zuora;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a request's method and path to a {@link ZuoraRoute} and its {@code {object}} and {@code {id}}. */
final class ZuoraRouter {

    /** A matched route and its decoded path parameters (null when the route has none). */
    record RouteMatch(ZuoraRoute route, String object, String id) {
    }

    private record CompiledRoute(ZuoraRoute route, Pattern pattern, List<String> parameters) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final List<CompiledRoute> routes = new ArrayList<>();

    ZuoraRouter() {
        for (ZuoraRoute route : ZuoraRoute.values()) {
            List<String> parameters = new ArrayList<>();
            Matcher placeholders = PLACEHOLDER.matcher(route.pathTemplate());
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (placeholders.find()) {
                regex.append(Pattern.quote(route.pathTemplate().substring(last, placeholders.start()))).append("([^/]+)");
                parameters.add(placeholders.group(1));
                last = placeholders.end();
            }
            regex.append(Pattern.quote(route.pathTemplate().substring(last))).append("/?");
            routes.add(new CompiledRoute(route, Pattern.compile(regex.toString()), parameters));
        }
    }

    /** The route for this method and raw path, if any. */
    Optional<RouteMatch> match(String method, String rawPath) {
        for (CompiledRoute compiled : routes) {
            if (!compiled.route().method().equals(method)) {
                continue;
            }
            Matcher matcher = compiled.pattern().matcher(rawPath);
            if (matcher.matches()) {
                String object = null;
                String id = null;
                for (int i = 0; i < compiled.parameters().size(); i++) {
                    String value = decode(matcher.group(i + 1));
                    if (compiled.parameters().get(i).equals("object")) {
                        object = value;
                    } else {
                        id = value;
                    }
                }
                return Optional.of(new RouteMatch(compiled.route(), object, id));
            }
        }
        return Optional.empty();
    }

    /** Whether some route has this path with another method (405 rather than 404). */
    boolean knowsPath(String rawPath) {
        return routes.stream().anyMatch(compiled -> compiled.pattern().matcher(rawPath).matches());
    }

    private static String decode(String segment) {
        // a path segment has no '+'-for-space convention: keep a literal '+'
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
