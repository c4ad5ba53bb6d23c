package io.github.camelsaas.kustomer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Kustomer resources an endpoint can address; the URI path names one of them. */
public enum KustomerResource {
    kobjects,
    customers,
    companies,
    conversations,
    messages,
    notes;

    /** Parses the URI path, failing with the allowed values so a typo is caught when the route starts. */
    public static KustomerResource fromUriPath(String path) {
        String name = path == null ? "" : path.trim().toLowerCase(Locale.ROOT);
        for (KustomerResource resource : values()) {
            if (resource.name().equals(name)) {
                return resource;
            }
        }
        throw new IllegalArgumentException("Unknown Kustomer resource '" + path + "' in the URI path; allowed: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
