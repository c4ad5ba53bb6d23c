package io.github.camelsaas.zuora.objects.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.redact.Redaction;
import io.github.camelsaas.common.redact.SecretRegistry;

/**
 * An error as Zuora words it, whatever the shape: the records errors {@code {code, message, details[]}} (also
 * the {@code error} member of a partly successful answer), the common {@code {reasons[{code, message}]}}, or
 * OAuth's {@code {error, error_description}}. Codes are kept as text (Zuora's are 8 digits).
 *
 * @param code    Zuora's error code, or null
 * @param message Zuora's message, or null
 * @param details one entry per record concerned, possibly empty
 */
public record ZuoraError(String code, String message, List<Detail> details) {

    /** The code Zuora answers with records to send again ("internal error or database throttling"). */
    public static final String RETRY_RECORDS = "71012561";

    /** Longest message kept: Zuora's texts can quote record values. */
    private static final int MAX_MESSAGE_LENGTH = 300;

    /**
     * One record named in an error.
     *
     * @param record the record as Zuora echoed it (for create, as submitted), or null
     */
    public record Detail(String code, String message, Map<String, Object> record) {

        public boolean asksForRetry() {
            return RETRY_RECORDS.equals(code);
        }
    }

    /** The error of an answer, or one made of its status alone when the body says nothing readable. */
    public static ZuoraError of(SaasHttpResponse response, JsonRecords json) {
        try {
            return fromBody(json.readObject(response.body()));
        } catch (RuntimeException e) {
            return new ZuoraError(null, null, List.of());
        }
    }

    /** Reads an error object (a whole error answer or the {@code error} member of a 200). */
    @SuppressWarnings("unchecked")
    public static ZuoraError fromBody(Map<String, Object> body) {
        Object code = body.get("code");
        Object message = body.get("message");
        if (code == null && body.get("reasons") instanceof List<?> reasons && !reasons.isEmpty()
                && reasons.get(0) instanceof Map<?, ?> reason) {
            code = reason.get("code");
            message = message != null ? message : reason.get("message");
        }
        if (code == null && message == null) {
            code = body.get("error");
            message = body.get("error_description");
        }
        List<Detail> details = new ArrayList<>();
        if (body.get("details") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> detail) {
                    Object record = detail.get("record");
                    details.add(new Detail(text(detail.get("code")), text(detail.get("message")),
                            record instanceof Map<?, ?> map ? (Map<String, Object>) map : null));
                }
            }
        }
        return new ZuoraError(text(code), text(message), List.copyOf(details));
    }

    public boolean asksForRetry() {
        return RETRY_RECORDS.equals(code);
    }

    /** {@code "71012540: Object record [...] does not exist."}, shortened and free of credentials. */
    public String describe(SecretRegistry secrets) {
        String text = (code == null ? "" : code + (message == null ? "" : ": ")) + (message == null ? "" : message);
        return safe(text, secrets);
    }

    /** A message from Zuora, made safe to show: credentials masked, one line, bounded length. */
    public static String safe(String text, SecretRegistry secrets) {
        if (text == null) {
            return "";
        }
        String safe = secrets.redact(Redaction.redactText(text)).replaceAll("\\s+", " ").strip();
        return safe.length() > MAX_MESSAGE_LENGTH ? safe.substring(0, MAX_MESSAGE_LENGTH) + "..." : safe;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
