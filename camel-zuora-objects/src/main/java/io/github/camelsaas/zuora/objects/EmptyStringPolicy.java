package io.github.camelsaas.zuora.objects;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What becomes of an empty string field value, which Zuora cannot store. */
public enum EmptyStringPolicy {

    /** Sent as an explicit JSON null, which clears the field. */
    TO_NULL("toNull"),
    /** The record fails validation before anything is sent. */
    REJECT("reject");

    private final String uriName;

    EmptyStringPolicy(String uriName) {
        this.uriName = uriName;
    }

    /** The name used in endpoint URIs. */
    public String uriName() {
        return uriName;
    }

    /** @throws IllegalArgumentException naming the option and the allowed values */
    public static EmptyStringPolicy fromUriName(String name) {
        for (EmptyStringPolicy policy : values()) {
            if (policy.uriName.equals(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Invalid emptyStringPolicy '" + name + "': use one of "
                + Arrays.stream(values()).map(EmptyStringPolicy::uriName).collect(Collectors.joining(", ")));
    }
}
