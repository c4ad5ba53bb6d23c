package io.github.camelsaas.zuora.objects.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The custom objects paths (Zuora's v1 reference, namespace {@code default}). Object names and record ids are
 * validated plain identifiers before they get here, so they go into the path as they are; query values are
 * percent-encoded.
 */
public final class ZuoraPaths {

    private ZuoraPaths() {
    }

    public static String records(String object) {
        return "/objects/records/default/" + object;
    }

    public static String record(String object, String id) {
        return records(object) + "/" + id;
    }

    public static String batch(String object) {
        return "/objects/batch/default/" + object;
    }

    public static String definitions() {
        return "/objects/definitions/default";
    }

    public static String definition(String object) {
        return definitions() + "/" + object;
    }

    /**
     * @param filter Zuora's {@code q}, or null
     * @param cursor the previous page's cursor, or null for the first page
     */
    public static String query(String object, String filter, int pageSize, String cursor) {
        StringBuilder path = new StringBuilder(records(object)).append("?pageSize=").append(pageSize);
        if (filter != null && !filter.isBlank()) {
            path.append("&q=").append(encode(filter));
        }
        if (cursor != null) {
            path.append("&cursor=").append(encode(cursor));
        }
        return path.toString();
    }

    /** Percent-encoding with %20 for spaces: a literal + in a query is not read as a space by every server. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
