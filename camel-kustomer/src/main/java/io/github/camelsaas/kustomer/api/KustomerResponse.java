package io.github.camelsaas.kustomer.api;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.redact.SecretRegistry;

/** A Kustomer answer: its status, its JSON:API document (2xx) or its error (otherwise). */
public final class KustomerResponse {

    private final SaasHttpResponse response;
    private final JsonRecords json;
    private final SecretRegistry secrets;
    private Map<String, Object> document;

    KustomerResponse(SaasHttpResponse response, JsonRecords json, SecretRegistry secrets) {
        this.response = response;
        this.json = json;
        this.secrets = secrets;
    }

    public int status() {
        return response.status();
    }

    /** The HTTP answer as the transport read it (status and headers, for the retry rules). */
    public SaasHttpResponse raw() {
        return response;
    }

    public boolean isSuccessful() {
        return response.isSuccessful();
    }

    /** The whole document of a 2xx answer, read once; empty for a 204. */
    public synchronized Map<String, Object> document() {
        if (document == null) {
            document = response.bodyLength() == 0 ? Map.of() : json.readObject(response.body());
        }
        return document;
    }

    /** The {@code data} member as an object (a single resource), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        return document().get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : null;
    }

    /** The {@code data} member as a list of resources (a page), empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> dataList() {
        return document().get("data") instanceof List<?> data ? (List<Map<String, Object>>) data : List.of();
    }

    /** What the body is, for an error message, never the body itself: e.g. "empty body", "214 bytes of text/html". */
    public String describeBody() {
        if (response.bodyLength() == 0) {
            return "empty body";
        }
        String type = response.header("Content-Type");
        return response.bodyLength() + " bytes" + (type == null ? "" : " of " + type.split(";")[0].strip());
    }

    public KustomerError error() {
        return KustomerError.of(response.status(), response.body(), json, secrets);
    }

    /** {@code x-ratelimit-remaining}, or null when absent or unreadable. */
    Integer rateLimitRemaining() {
        return intHeader(response, KustomerHeaders.RATE_LIMIT_REMAINING);
    }

    static Integer intHeader(SaasHttpResponse response, String name) {
        String value = response.header(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The id of a JSON:API resource object, or null. */
    public static String idOf(Map<String, Object> resource) {
        return resource != null && resource.get("id") instanceof String id ? id : null;
    }

    @Override
    public String toString() {
        return "KustomerResponse[status=" + response.status() + "]";
    }
}
