package io.github.camelsaas.kustomer.api;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.redact.Redaction;
import io.github.camelsaas.common.redact.SecretRegistry;

/**
 * The first entry of Kustomer's error envelope {@code {"errors":[{"status","code","title","source"}]}}: what the
 * server said went wrong and, for a body member, where ({@code source.pointer}, e.g. {@code /37/title} for the 38th
 * item of a bulk request). Texts are passed through the redaction rules and the component's secrets.
 */
public record KustomerError(int status, String code, String title, String pointer) {

    private static final Pattern ITEM_POINTER = Pattern.compile("^/(\\d+)(?:/|$)");
    private static final int MAX_TITLE = 300;

    /** Reads the error of a non-2xx answer; an answer without the envelope gives a generic title. */
    static KustomerError of(int status, byte[] body, JsonRecords json, SecretRegistry secrets) {
        String code = null;
        String title = null;
        String pointer = null;
        try {
            Map<String, Object> document = json.readObject(body);
            if (document.get("errors") instanceof List<?> errors && !errors.isEmpty()
                    && errors.get(0) instanceof Map<?, ?> error) {
                code = text(error.get("code"));
                title = text(error.get("title"));
                if (title == null) {
                    title = text(error.get("detail"));
                }
                if (error.get("source") instanceof Map<?, ?> source) {
                    pointer = text(source.get("pointer"));
                    if (pointer == null) {
                        pointer = text(source.get("parameters"));
                    }
                }
            }
        } catch (RuntimeException notTheEnvelope) {
            // an HTML page from a gateway, an empty body: the status says enough, the body is not echoed
        }
        return new KustomerError(status, safe(code, secrets), title == null ? "HTTP " + status : safe(title, secrets),
                safe(pointer, secrets));
    }

    /** The item of a bulk request the pointer names ({@code /37/...} names item 37), if any. */
    public OptionalInt itemIndex() {
        if (pointer == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = ITEM_POINTER.matcher(pointer);
        if (!matcher.find() || matcher.group(1).length() > 6) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(matcher.group(1)));
    }

    /** The title with the member it concerns, e.g. {@code title is required (at /title)}. */
    public String describe() {
        return title + (pointer == null || pointer.isEmpty() ? "" : " (at " + pointer + ")");
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String safe(String text, SecretRegistry secrets) {
        if (text == null) {
            return null;
        }
        String redacted = secrets.redact(Redaction.redactText(text));
        return redacted.length() > MAX_TITLE ? redacted.substring(0, MAX_TITLE) + "..." : redacted;
    }
}
