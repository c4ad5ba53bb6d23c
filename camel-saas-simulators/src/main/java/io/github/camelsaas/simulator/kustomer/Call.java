package io.github.camelsaas.simulator.kustomer;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.github.camelsaas.simulator.common.SimRequest;
import io.github.camelsaas.simulator.common.SimResponse;

/** One authenticated call as a handler sees it: path variables, query, the caller's key, the JSON body. */
final class Call {

    private static final TypeReference<Object> ANY_JSON = new TypeReference<>() {
    };

    private final SimRequest request;
    private final Map<String, String> params;
    private final ApiKeys.ApiKey key;
    private final Instant now = Timestamps.now();

    Call(SimRequest request, Map<String, String> params, ApiKeys.ApiKey key) {
        this.request = request;
        this.params = params;
        this.key = key;
    }

    String param(String name) {
        return params.get(name);
    }

    /** A path variable that must be an object id: 400 naming the parameter otherwise. */
    String objectIdParam(String name) {
        String value = params.get(name);
        if (!ObjectIds.isObjectId(value)) {
            throw ApiException.invalidParameter(name, name + " must be an object id (24 hex digits), was '" + value + "'");
        }
        return value;
    }

    String query(String name) {
        return request.query(name);
    }

    /** Every query parameter with its first value, decoded, in the order they came. */
    Map<String, String> queryParameters() {
        return request.queryParameters();
    }

    ApiKeys.ApiKey key() {
        return key;
    }

    /** The moment the call arrived, used for createdAt and updatedAt. */
    Instant now() {
        return now;
    }

    String method() {
        return request.method();
    }

    /** The body as a JSON object, or 400 when it is empty, not JSON or not an object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> bodyObject() {
        if (parseBody() instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw ApiException.invalidField("", "request body must be a JSON object");
    }

    /** The body as a JSON array (bulk endpoints), or 400. */
    @SuppressWarnings("unchecked")
    List<Object> bodyArray() {
        if (parseBody() instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw ApiException.invalidField("", "request body must be a JSON array");
    }

    private Object parseBody() {
        byte[] body = request.body();
        if (body.length == 0) {
            throw ApiException.invalidField("", "request body is empty");
        }
        try {
            return SimResponse.mapper().readValue(body, ANY_JSON);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidField("", "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.invalidField("", "request body cannot be read: " + e.getMessage());
        }
    }
}
