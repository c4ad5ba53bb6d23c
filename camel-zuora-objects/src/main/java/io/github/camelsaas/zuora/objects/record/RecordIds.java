package io.github.camelsaas.zuora.objects.record;

import java.util.regex.Pattern;

/**
 * Checks a record id before it goes into a URL path or a batch body. Zuora's ids are UUIDs; any plain token of
 * letters, digits and hyphens is let through (a sandbox may differ), nothing that could change the path.
 */
public final class RecordIds {

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private RecordIds() {
    }

    /**
     * @param  source                   where the id came from, e.g. "header CamelZuoraObjectsId" or "record 3"
     * @throws IllegalArgumentException naming the source
     */
    public static String require(Object id, String source) {
        if (id == null || (id instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("No record id in " + source);
        }
        if (!(id instanceof String text) || !PLAIN_ID.matcher(text).matches()) {
            throw new IllegalArgumentException("Invalid record id in " + source + ": a Zuora record id is a UUID "
                    + "(letters, digits and hyphens, at most 64 characters)");
        }
        return text;
    }
}
