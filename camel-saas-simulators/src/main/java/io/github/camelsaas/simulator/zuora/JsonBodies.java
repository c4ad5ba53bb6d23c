package io.github.camelsaas.simulator.zuora;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsaas.simulator.common.SimRequest;
import io.github.camelsaas.simulator.common.SimResponse;

/** Reads request bodies, turning what cannot be read into {@link InvalidRequestException}s. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object (gzip already undone by the base simulator). */
    static ObjectNode object(SimRequest request) {
        return object(request.body());
    }

    /** UTF-8 JSON text that must hold one object. */
    static ObjectNode object(byte[] body) {
        if (body.length == 0) {
            throw new InvalidRequestException(ZuoraErrorCodes.MISSING_REQUIRED_FIELD, "A JSON body is required.");
        }
        JsonNode node;
        try {
            node = SimResponse.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE,
                    "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE, "The body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE, "The body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** A boolean member, false when absent or null. */
    static boolean flag(JsonNode container, String name) {
        JsonNode value = container.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_BOOLEAN, "Field [" + name + "] must be a boolean.");
        }
        return value.booleanValue();
    }
}
