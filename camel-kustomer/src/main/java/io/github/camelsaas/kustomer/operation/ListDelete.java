package io.github.camelsaas.kustomer.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.json.BodyItems;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.api.KustomerRequest;

/**
 * {@code delete} of a list body: the ids (or records with their {@code id}) are deleted in bulk where Kustomer can
 * (KObjects, customers; {@code bulk=true}), otherwise one {@code DELETE .../{id}} each. Every input ends as a success
 * (its id) or a FailedRecord; one that names no usable id fails before sending, the others still go. The body
 * becomes null, as after a single delete, and the jobs of bulk calls are reported in CamelKustomerBulkJobIds.
 */
public final class ListDelete {

    private final KustomerClient client;
    private final JsonRecords json;
    private final BulkDeleter bulkDeleter;
    private final boolean bulk;

    public ListDelete(KustomerClient client, int bulkSize, boolean bulk) {
        this.client = client;
        this.json = client.json();
        this.bulkDeleter = new BulkDeleter(client, bulkSize);
        this.bulk = bulk;
    }

    public CompletableFuture<ExchangeResult> delete(DeleteTarget.Of target, Object body) {
        List<Object> items = BodyItems.idsToDelete(body, json, "id");
        OutcomeCollector<Object> outcomes = new OutcomeCollector<>(items.size());
        List<DeleteTarget> ids = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Object item = items.get(index);
            Object id = item instanceof Map<?, ?> record ? record.get("id") : item;
            String problem = !(id instanceof String text) ? "names no id (an id, or a record with its id)"
                    : KustomerPaths.segmentProblem(text.trim()) == null ? null
                    : "id " + KustomerPaths.segmentProblem(text.trim()) + ": it cannot name a Kustomer resource";
            if (problem != null) {
                outcomes.fail(FailedRecord.validation(index, item, "item " + index + " " + problem));
            } else {
                ids.add(new DeleteTarget(index, item, ((String) id).trim()));
            }
        }
        CompletableFuture<Void> deleted = ids.isEmpty() ? CompletableFuture.completedFuture(null)
                : bulk && target.resource().hasBulkDelete() ? bulkDeleter.delete(target, ids, outcomes)
                : oneByOne(target, ids, outcomes);
        deleted.whenComplete((ignored, failure) -> {
            if (failure != null) {
                // a bug must not leave the exchange waiting: whatever is not settled yet fails with it
                outcomes.failRemaining(index -> Failures.fromFailure(index, items.get(index), failure, false));
            }
        });
        return outcomes.completion().thenApply(all -> {
            ExchangeResult result = ExchangeResult.ofRecords(all, false).answering(null);
            List<String> jobs = target.stats().bulkJobIds();
            return jobs.isEmpty() ? result : result.header(KustomerConstants.BULK_JOB_IDS, jobs);
        });
    }

    private CompletableFuture<Void> oneByOne(DeleteTarget.Of target, List<DeleteTarget> ids,
                                             OutcomeCollector<Object> outcomes) {
        List<CompletableFuture<Void>> calls = new ArrayList<>(ids.size());
        for (DeleteTarget id : ids) {
            KustomerRequest request = new KustomerRequest("DELETE",
                    KustomerPaths.item(target.resource(), target.klass(), id.id()), null, null, Map.of(), true);
            calls.add(client.send(request, target.stats()).handle((response, failure) -> {
                if (failure != null) {
                    outcomes.fail(Failures.fromFailure(id.index(), id.item(), FutureFailures.unwrap(failure), false));
                } else if (response.isSuccessful() || response.status() == 404) {
                    // gone either way, as for a single delete
                    outcomes.succeed(id.index(), id.id());
                } else {
                    outcomes.fail(Failures.fromAnswer(id.index(), id.item(), response, false));
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }
}
