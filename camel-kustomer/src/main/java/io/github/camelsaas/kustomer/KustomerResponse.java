package io.github.camelsaas.kustomer;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.redact.SecretRegistry;

/** A Kustomer answer: its status, its JSON:API document (2xx) or its error (otherwise). */
final class KustomerResponse {

    private final SaasHttpResponse response;
    private final JsonRecords json;
    private final SecretRegistry secrets;
    private Map<String, Object> document;

    KustomerResponse(SaasHttpResponse response, JsonRecords json, SecretRegistry secrets) {
        this.response = response;
        this.json = json;
        this.secrets = secrets;
    }

    int status() {
        return response.status();
    }

    boolean isSuccessful() {
        return response.isSuccessful();
    }

    /** The whole document of a 2xx answer, read once; empty for a 204. */
    synchronized Map<String, Object> document() {
        if (document == null) {
            document = response.bodyLength() == 0 ? Map.of() : json.readObject(response.body());
        }
        return document;
    }

    /** The {@code data} member as an object (a single resource), or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> data() {
        return document().get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : null;
    }

    /** The {@code data} member as a list of resources (a page), empty when absent. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> dataList() {
        return document().get("data") instanceof List<?> data ? (List<Map<String, Object>>) data : List.of();
    }

    /** What the body is, for an error message, never the body itself: e.g. "empty body", "214 bytes of text/html". */
    String describeBody() {
        if (response.bodyLength() == 0) {
            return "empty body";
        }
        String type = response.header("Content-Type");
        return response.bodyLength() + " bytes" + (type == null ? "" : " of " + type.split(";")[0].strip());
    }

    KustomerError error() {
        return KustomerError.of(response.status(), response.body(), json, secrets);
    }

    /** {@code x-ratelimit-remaining}, or null when absent or unreadable. */
    Integer rateLimitRemaining() {
        return intHeader(response, "x-ratelimit-remaining");
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
    static String idOf(Map<String, Object> resource) {
        return resource != null && resource.get("id") instanceof String id ? id : null;
    }

    @Override
    public String toString() {
        return "KustomerResponse[status=" + response.status() + "]";
    }
}
