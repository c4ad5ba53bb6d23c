package io.github.camelsaas.simulator.kustomer;

import java.time.Instant;
import java.util.List;

/**
 * A bulk job as Kustomer answers it ({@code type: bulk}). The simulator runs every job to completion before it
 * answers, so its status is always {@code complete}.
 *
 * @param id        the job id ({@code links.self} is {@code /v1/bulk/{id}})
 * @param context   e.g. {@code api.sobjects.kobjects.bulk-create}
 * @param method    the HTTP method of the bulk call
 * @param path      the collection the items went to, e.g. {@code /v1/klasses/order}
 * @param items     the items as sent (echoed in {@code payload.api.data})
 * @param storedIds the ids of the records created, updated or deleted, in item order
 * @param createdBy the user id of the calling key
 * @param createdAt when the job ran
 */
public record BulkJob(String id, String context, String method, String path, List<Object> items,
        List<String> storedIds, String createdBy, Instant createdAt) {

    public BulkJob {
        items = List.copyOf(items);
        storedIds = List.copyOf(storedIds);
    }
}
