package io.github.camelsaas.simulator.kustomer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path such as {@code /v1/klasses/{name}/externalId={externalId}}: each segment is a literal, a variable, or a
 * literal prefix followed by a variable (Kustomer's lookups put {@code externalId=} and {@code email=} inside the
 * segment). Matching works on decoded segments, so an external id may itself contain an encoded slash.
 */
final class PathTemplate {

    private record Segment(String literal, String variable) {
        boolean matches(String decoded, Map<String, String> params) {
            if (variable == null) {
                return literal.equals(decoded);
            }
            if (!decoded.startsWith(literal)) {
                return false;
            }
            String value = decoded.substring(literal.length());
            if (value.isEmpty()) {
                return false;
            }
            params.put(variable, value);
            return true;
        }
    }

    private final String template;
    private final List<Segment> segments = new ArrayList<>();
    private final int specificity;

    PathTemplate(String template) {
        this.template = template;
        int fixedSegments = 0;
        for (String part : template.substring(1).split("/")) {
            int open = part.indexOf('{');
            if (open < 0) {
                segments.add(new Segment(part, null));
                fixedSegments++;
            } else {
                String prefix = part.substring(0, open);
                segments.add(new Segment(prefix, part.substring(open + 1, part.length() - 1)));
                if (!prefix.isEmpty()) {
                    fixedSegments++;
                }
            }
        }
        this.specificity = fixedSegments;
    }

    String template() {
        return template;
    }

    /** How many segments are fixed text: when two templates match, the one with more wins ({@code /bulk} over {@code /{id}}). */
    int specificity() {
        return specificity;
    }

    /** The variables of a matching path, or null. */
    Map<String, String> match(List<String> decodedSegments) {
        if (decodedSegments.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).matches(decodedSegments.get(i), params)) {
                return null;
            }
        }
        return params;
    }

    /** Splits a raw path on {@code /} and percent-decodes each segment ({@code +} stays a plus in a path). */
    static List<String> decodeSegments(String rawPath) {
        List<String> decoded = new ArrayList<>();
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        for (String segment : trimmed.split("/", -1)) {
            try {
                decoded.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformedEscape) {
                decoded.add(segment);
            }
        }
        return decoded;
    }
}
