package io.github.camelsaas.kustomer.operation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Message;
import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.kustomer.KustomerApiException;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.kustomer.KustomerOperation;
import io.github.camelsaas.kustomer.KustomerResource;
import io.github.camelsaas.kustomer.api.CallStats;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.api.KustomerRequest;
import io.github.camelsaas.kustomer.api.KustomerResponse;

/**
 * The operations on one resource rather than on records: get (by id), getByExternalId, getByEmail (customers) and
 * delete of one record (a list is {@link ListOperation}, a delete of a list body {@link ListDelete}). A lookup that finds nothing answers a null body; deleting a record that is not
 * there succeeds, since it is gone either way (a retried delete sees the 404 of its own first attempt).
 */
public final class ResourceReads {

    private final KustomerClient client;

    public ResourceReads(KustomerClient client) {
        this.client = client;
    }

    public CompletableFuture<ExchangeResult> run(KustomerOperation operation, KustomerResource resource, String klass,
                                           Message message, CallStats stats) {
        return switch (operation) {
            case get -> find(KustomerRequest.get(KustomerPaths.item(resource, klass,
                    required(message, KustomerConstants.ID, "id", operation))), stats);
            case getByExternalId -> find(KustomerRequest.get(KustomerPaths.byExternalId(resource, klass,
                    required(message, KustomerConstants.EXTERNAL_ID, "externalId", operation))), stats);
            case getByEmail -> find(KustomerRequest.get(KustomerPaths.customerByEmail(
                    required(message, KustomerConstants.EMAIL, "email", operation))), stats);
            case delete -> delete(new KustomerRequest("DELETE", KustomerPaths.item(resource, klass,
                    required(message, KustomerConstants.ID, "id", operation)), null, null, Map.of(), true), stats);
            default -> throw new IllegalArgumentException(operation + " is not a read of one resource");
        };
    }

    private CompletableFuture<ExchangeResult> find(KustomerRequest request, CallStats stats) {
        return client.send(request, stats).thenApply(response -> {
            if (response.status() == 404) {
                return ExchangeResult.of(null);
            }
            requireSuccess(request, response);
            Map<String, Object> data = response.data();
            return ExchangeResult.of(data).header(KustomerConstants.ID, KustomerResponse.idOf(data));
        });
    }

    private CompletableFuture<ExchangeResult> delete(KustomerRequest request, CallStats stats) {
        return client.send(request, stats).thenApply(response -> {
            if (response.status() != 404) {
                requireSuccess(request, response);
            }
            return ExchangeResult.of(null);
        });
    }

    private static void requireSuccess(KustomerRequest request, KustomerResponse response) {
        if (!response.isSuccessful()) {
            throw KustomerApiException.of(request, response.error());
        }
    }

    /**
     * The header, else a String body, else the member of a Map body, without surrounding whitespace; fails naming all
     * three when none is there, and naming the one used when its value cannot go into a path.
     */
    private static String required(Message message, String header, String member, KustomerOperation operation) {
        String value = message.getHeader(header, String.class);
        String source = "header " + header;
        if (value == null && message.getBody() instanceof CharSequence text) {
            value = text.toString();
            source = "the String body (" + member + ")";
        }
        if (value == null && message.getBody() instanceof Map<?, ?> map && map.get(member) != null) {
            value = String.valueOf(map.get(member));
            source = "the body's " + member;
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(operation + " needs the header " + header + " (or a String body, or a "
                    + "Map body with " + member + ")");
        }
        return KustomerPaths.requireSegment(value.trim(), source);
    }
}
