package io.github.camelsaas.common.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Short, single-line descriptions of Jackson failures for error messages. */
final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * The parser's own message and where it stopped. Jackson's full {@code getMessage()} adds a source
     * description and spans several lines, which is noise in an exception meant for a user.
     */
    static String describe(Throwable e) {
        if (e instanceof JsonProcessingException jpe) {
            String message = oneLine(jpe.getOriginalMessage());
            JsonLocation location = jpe.getLocation();
            return location == null || location.getLineNr() < 0
                    ? message
                    : message + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return oneLine(String.valueOf(e.getMessage()));
    }

    /** Jackson wraps conversion failures in IllegalArgumentException; the innermost message says what broke. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException jpe ? oneLine(jpe.getOriginalMessage()) : oneLine(root.getMessage());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
