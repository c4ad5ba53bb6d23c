package io.github.camelsaas.simulator.zuora;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsaas.simulator.common.SimResponse;

/** The bodies of the simulator's answers, in the shapes of Zuora's OpenAPI description. */
final class ZuoraResponses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ZuoraResponses() {
    }

    static SimResponse json(int status, JsonNode body) {
        return SimResponse.json(status, body);
    }

    /**
     * The records error shape ({@code CustomObjectRecordsErrorResponse}, also used for 401 and the retryable
     * 500): {@code {"code", "message", "details": [...]}}.
     */
    static SimResponse error(int status, int code, String message, List<? extends JsonNode> details) {
        return json(status, errorBody(code, message, details));
    }

    static SimResponse error(int status, int code, String message) {
        return error(status, code, message, List.of());
    }

    static ObjectNode errorBody(int code, String message, List<? extends JsonNode> details) {
        ObjectNode body = NODES.objectNode();
        body.put("code", code);
        body.put("message", message);
        ArrayNode array = body.putArray("details");
        details.forEach(array::add);
        return body;
    }

    /** One entry of {@code details}: code, message and (when given) the record concerned. */
    static ObjectNode detail(int code, String message, JsonNode record) {
        ObjectNode detail = NODES.objectNode();
        detail.put("code", code);
        detail.put("message", message);
        if (record != null) {
            detail.set("record", record);
        }
        return detail;
    }

    /** 404, as {@link #commonError}. */
    static SimResponse notFound(String message, String requestId) {
        return commonError(404, ZuoraErrorCodes.NOT_FOUND, message, requestId);
    }

    /**
     * An error whose documented schema is {@code CommonResponse} ({@code success}, {@code processId},
     * {@code reasons[]} with string codes, {@code requestId}): the 404s, and the 400 of a definitions create. The
     * spec's own examples of sibling errors show {@code {code, message}}; the answer carries both, so a client
     * reading either form finds the code.
     */
    static SimResponse commonError(int status, int code, String message, String requestId) {
        ObjectNode body = NODES.objectNode();
        body.put("success", false);
        body.put("processId", String.format("%016X", ThreadLocalRandom.current().nextLong()));
        ObjectNode reason = body.putArray("reasons").addObject();
        reason.put("code", String.valueOf(code));
        reason.put("message", message);
        body.put("requestId", requestId);
        body.put("code", code);
        body.put("message", message);
        return json(status, body);
    }

    /** 401 on a data call, in the shape of the spec's {@code ErrorResponse401Record}. */
    static SimResponse unauthorized(String message) {
        return error(401, ZuoraErrorCodes.AUTHENTICATION_FAILED, "Authentication error",
                List.of(detail(ZuoraErrorCodes.AUTHENTICATION_FAILED, message, null)));
    }

    /** 429 with {@code Retry-After}; the caller adds the rate-limit headers. */
    static SimResponse tooManyRequests(String message, long retryAfterSeconds) {
        return error(429, ZuoraErrorCodes.LIMIT_EXCEEDED, message).header("Retry-After", retryAfterSeconds);
    }

    /**
     * An error of the token endpoint. Zuora's description documents none for it, so these follow OAuth 2
     * (RFC 6749 section 5.2): {@code {"error": "invalid_client", "error_description": ...}}.
     */
    static SimResponse oauthError(int status, String error, String description) {
        ObjectNode body = NODES.objectNode();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }
}
