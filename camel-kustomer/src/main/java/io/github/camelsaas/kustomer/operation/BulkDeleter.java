package io.github.camelsaas.kustomer.operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.batch.Chunk;
import io.github.camelsaas.common.batch.Chunker;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.api.KustomerRequest;
import io.github.camelsaas.kustomer.api.KustomerResponse;

/**
 * Deletes ids through {@code DELETE /v1/klasses/{klass}/bulk?ids=..} or {@code /v1/customers/bulk?ids=..}: chunks of
 * at most bulkSize ids (the 100 items of Kustomer's bulk calls) and of a query that stays well within what servers
 * and proxies take in a URL. Kustomer answers a bulk job; each id of an accepted chunk succeeds (its result is the
 * id) and the job's id is reported. As for bulk writes, a chunk refused for what some ids are (400, 404, 409, 422) or
 * too long (413, 414) is halved until the bad ids stand alone: an id alone answered 404 is gone already, a success as
 * for a single delete; any other refusal is its FailedRecord. A delete is safe to repeat, so the client retries 5xx
 * and lost answers.
 */
final class BulkDeleter {

    /** The most bytes of ids in one query: URLs of 8 kB pass every common server and proxy. */
    static final long MAX_IDS_BYTES = 6_000;

    private static final Set<Integer> REFUSALS_TO_SPLIT = Set.of(400, 404, 409, 413, 414, 422);
    private static final Logger LOG = LoggerFactory.getLogger(BulkDeleter.class);

    private final KustomerClient client;
    private final int bulkSize;

    BulkDeleter(KustomerClient client, int bulkSize) {
        this.client = client;
        this.bulkSize = bulkSize;
    }

    CompletableFuture<Void> delete(DeleteTarget.Of target, List<DeleteTarget> ids, OutcomeCollector<Object> outcomes) {
        List<Chunk<DeleteTarget>> chunks = Chunker.split(ids, bulkSize, MAX_IDS_BYTES,
                id -> encode(id.id()).length(), 0, 1);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Chunk<DeleteTarget> chunk : chunks) {
            if (chunk.oversized()) {
                DeleteTarget id = chunk.records().get(0);
                outcomes.fail(FailedRecord.notSent(id.index(), id.item(), "the id alone is " + chunk.bytes()
                        + " bytes in the URL, over the " + MAX_IDS_BYTES + " a bulk delete's query may hold"));
            } else {
                sent.add(send(target, chunk.records(), outcomes));
            }
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> send(DeleteTarget.Of target, List<DeleteTarget> batch,
                                         OutcomeCollector<Object> outcomes) {
        String query = "ids=" + batch.stream().map(id -> encode(id.id())).collect(Collectors.joining(","));
        KustomerRequest request = new KustomerRequest("DELETE", KustomerPaths.bulk(target.resource(), target.klass()),
                query, null, Map.of(), true);
        return client.send(request, target.stats()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = FutureFailures.unwrap(failure);
                batch.forEach(id -> outcomes.fail(Failures.fromFailure(id.index(), id.item(), cause, false)));
                return done();
            }
            return onAnswer(target, batch, outcomes, response);
        }).thenCompose(next -> next);
    }

    private CompletableFuture<Void> onAnswer(DeleteTarget.Of target, List<DeleteTarget> batch,
                                             OutcomeCollector<Object> outcomes, KustomerResponse response) {
        int status = response.status();
        if (response.isSuccessful()) {
            Map<String, Object> job = bulkJobOf(response);
            if (job == null) {
                // a 2xx that is no bulk job (a proxy's page, a cut-off body) is not Kustomer's word that the ids
                // will be deleted; a delete may be sent again, so each id is reported as retryable
                batch.forEach(id -> outcomes.fail(FailedRecord.fromResponse(id.index(), id.item(), status, null,
                        "Kustomer's answer (" + status + ") is not the bulk job expected (" + response.describeBody()
                                + "); the id may or may not be deleted", true)));
                return done();
            }
            target.stats().bulkJob(KustomerResponse.idOf(job));
            batch.forEach(id -> outcomes.succeed(id.index(), id.id()));
            return done();
        }
        if (batch.size() > 1 && REFUSALS_TO_SPLIT.contains(status)) {
            LOG.debug("{} bulk delete: {} for {} ids, halving", target.resource(), status, batch.size());
            int middle = (batch.size() + 1) / 2;
            return CompletableFuture.allOf(send(target, List.copyOf(batch.subList(0, middle)), outcomes),
                    send(target, List.copyOf(batch.subList(middle, batch.size())), outcomes));
        }
        if (status == 404) {
            // a lone id Kustomer does not know is gone either way, as for a single delete
            batch.forEach(id -> outcomes.succeed(id.index(), id.id()));
            return done();
        }
        batch.forEach(id -> outcomes.fail(Failures.fromAnswer(id.index(), id.item(), response, false)));
        return done();
    }

    /** The bulk job a 2xx answer holds ({@code data} object), or null when the body is no such document. */
    private static Map<String, Object> bulkJobOf(KustomerResponse response) {
        try {
            return response.data();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
