package io.github.camelsaas.zuora.objects;

import java.util.regex.Pattern;

/** Checks a custom object API name before it can reach a URL path: no path tricks, no encoding games. */
final class ObjectName {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private ObjectName() {
    }

    static String require(String name) {
        if (name == null || !PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid Zuora custom object name '" + name
                    + "': use the object's API name, 1 to 64 letters, digits or underscores");
        }
        return name;
    }
}
