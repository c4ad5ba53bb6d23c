package io.github.camelsaas.kustomer.operation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelsaas.common.batch.RecordToSend;
import io.github.camelsaas.common.call.RetryRules;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.http.HttpTransportException;
import io.github.camelsaas.common.retry.RetryDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.camelsaas.kustomer.KustomerResource;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerHeaders;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.api.KustomerRequest;
import io.github.camelsaas.kustomer.api.KustomerResponse;

/**
 * Writes one record with one call per step: create, update (PUT for KObjects and companies, PATCH for customers and
 * conversations) and upsert (look up, then update or create). A create is never replayed blindly: after a 5xx or a
 * lost answer it is retried only when the record has an externalId Kustomer can look up, and each retry looks first,
 * so the record is created at most once.
 */
public final class SingleRecordWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SingleRecordWriter.class);

    private final KustomerClient client;

    public SingleRecordWriter(KustomerClient client) {
        this.client = client;
    }

    CompletableFuture<RecordOutcome<Object>> create(WriteTarget target, RecordToSend item) {
        String externalId = WriteTarget.text(item.body().get("externalId"));
        if (externalId != null && target.resource().hasExternalIdLookup()) {
            return createSafely(target, item, externalId, false);
        }
        return client.send(createRequest(target, item.body()), target.stats())
                .handle((response, failure) -> outcome(item, response, failure, true));
    }

    /**
     * A create whose earlier call (a bulk call answered 5xx, say) may or may not have been applied: looks the record
     * up by its externalId first, and creates it only if it is not there.
     */
    CompletableFuture<RecordOutcome<Object>> createAfterUncertainOutcome(WriteTarget target, RecordToSend item) {
        return createSafely(target, item, WriteTarget.text(item.body().get("externalId")), true);
    }

    private CompletableFuture<RecordOutcome<Object>> createSafely(WriteTarget target, RecordToSend item, String externalId,
                                                                  boolean lookUpFirst) {
        AtomicBoolean lookUp = new AtomicBoolean(lookUpFirst);
        // set once an attempt (or the call before this method) may have created the record
        AtomicBoolean mayExist = new AtomicBoolean(lookUpFirst);
        // one loop on the endpoint's policy for every step (its calls are sent once each): a 429 or a call that never
        // left is sent again as it was; after a 5xx or a lost answer the next attempt looks the record up first. When
        // the attempts run out on one of those, the record may still have been created: reported as not retryable,
        // so a re-drive with operation=create cannot make a second one
        return client.retrier().execute(() -> lookUp.get()
                        ? lookUpThenCreate(target, item, externalId)
                        : client.sendOnce(createRequest(target, item.body()), target.stats()),
                (response, failure, attempt) -> {
                    RetryDecision notApplied = KustomerHeaders.RETRY_RULES.classifier(false)
                            .classify(response == null ? null : response.raw(), failure, attempt);
                    if (notApplied.isRetry()) {
                        return notApplied;
                    }
                    RetryDecision decision = retryUncertainOutcome(response, failure);
                    if (decision.isRetry()) {
                        mayExist.set(true);
                        lookUp.set(true);
                    }
                    return decision;
                })
                .handle((response, failure) -> {
                    RecordOutcome<Object> outcome = outcome(item, response, failure, true);
                    // a later failure that says "not sent" (the endpoint stopped before the lookup, the lookup's
                    // connection refused) must not hide that an earlier attempt may have created the record
                    return mayExist.get() && outcome.isFailure() && outcome.failedRecord().retryable()
                            ? RecordOutcome.failure(Failures.afterUncertainOutcome(outcome.failedRecord()))
                            : outcome;
                });
    }

    /** The answer of the lookup when the record is there (its data is the record), else of a fresh create. */
    private CompletableFuture<KustomerResponse> lookUpThenCreate(WriteTarget target, RecordToSend item, String externalId) {
        KustomerResource resource = target.resource();
        return client.sendOnce(KustomerRequest.get(KustomerPaths.byExternalId(resource, target.klass(), externalId)),
                target.stats()).thenCompose(found -> {
                    if (found.status() != 404) {
                        if (found.isSuccessful()) {
                            LOG.debug("{} create: the record was there after an uncertain outcome; not created again",
                                    target.describe());
                        }
                        return CompletableFuture.completedFuture(found);
                    }
                    return client.sendOnce(createRequest(target, item.body()), target.stats());
                });
    }

    /** A 5xx or a lost answer may mean the create was applied: worth another look-then-create. */
    private static RetryDecision retryUncertainOutcome(KustomerResponse response, Throwable failure) {
        if (failure != null) {
            return failure instanceof HttpTransportException transport && !transport.isConnectFailure()
                    ? RetryDecision.retry() : RetryDecision.done();
        }
        return RetryRules.isTransientServerError(response.status()) ? RetryDecision.retry() : RetryDecision.done();
    }

    /**
     * The create of one record, on the path Kustomer describes for it: the scope the path names (the conversation of a
     * message or note, the customer of a conversation or message) is taken out of the body, whose schema does not
     * have it.
     */
    private KustomerRequest createRequest(WriteTarget target, Map<String, Object> body) {
        KustomerResource resource = target.resource();
        String conversation = target.conversationOf(body);
        String customer = target.customerOf(body);
        String limitKey = target.customerLimitKey(body);
        KustomerPaths.ApiPath path = KustomerPaths.create(resource, target.klass(), customer, conversation);
        Map<String, Object> sent = body;
        if (path.template().startsWith("/v1/conversations/{id}/")) {
            sent = without(body, "conversation");
        } else if (path.template().startsWith("/v1/customers/{id}/") && resource != KustomerResource.kobjects) {
            sent = without(body, "customer");
        }
        return new KustomerRequest("POST", path, null, client.json().write(sent),
                limitKey == null ? Map.of() : Map.of(limitKey, 1), false);
    }

    private static Map<String, Object> without(Map<String, Object> body, String member) {
        if (!body.containsKey(member)) {
            return body;
        }
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(member);
        return copy;
    }

    CompletableFuture<RecordOutcome<Object>> update(WriteTarget target, RecordToSend item) {
        Map<String, Object> body = new LinkedHashMap<>(item.body());
        body.remove("id");
        return updateById(target, item, target.idOf(item.record()), body);
    }

    private CompletableFuture<RecordOutcome<Object>> updateById(WriteTarget target, RecordToSend item, String id,
                                                                Map<String, Object> body) {
        KustomerResource resource = target.resource();
        // customers and conversations merge with PATCH; KObjects and companies only have PUT
        String method = resource == KustomerResource.customers || resource == KustomerResource.conversations
                ? "PATCH" : "PUT";
        KustomerRequest request = new KustomerRequest(method, KustomerPaths.item(resource, target.klass(), id), null,
                client.json().write(body), Map.of(), true);
        return client.send(request, target.stats()).handle((response, failure) -> outcome(item, response, failure,
                false));
    }

    /**
     * Looks the record up (external id; customers without one: email), then updates what it found or creates it. A
     * create that conflicts (409: another writer created it meanwhile) is resolved once more, and then updates.
     */
    CompletableFuture<RecordOutcome<Object>> upsert(WriteTarget target, RecordToSend item) {
        return resolve(target, item, true);
    }

    private CompletableFuture<RecordOutcome<Object>> resolve(WriteTarget target, RecordToSend item,
                                                             boolean conflictMayBeResolved) {
        return lookUp(target, item.body()).thenCompose(found -> {
            if (found.isSuccessful()) {
                String id = KustomerResponse.idOf(found.data());
                if (id == null) {
                    return CompletableFuture.completedFuture(RecordOutcome.failure(Failures.noResource(item, found)));
                }
                return updateById(target, item, id, updateBody(target.resource(), item.body()));
            }
            if (found.status() != 404) {
                return CompletableFuture.completedFuture(
                        RecordOutcome.<Object>failure(Failures.fromAnswer(item, found, false)));
            }
            return create(target, item).thenCompose(created -> {
                if (conflictMayBeResolved && isConflict(created)) {
                    LOG.debug("{} upsert: the create conflicted with another writer; resolving again",
                            target.describe());
                    return resolve(target, item, false);
                }
                return CompletableFuture.completedFuture(created);
            });
        }).exceptionally(failure -> RecordOutcome.failure(Failures.fromFailure(item, failure, false)));
    }

    private CompletableFuture<KustomerResponse> lookUp(WriteTarget target, Map<String, Object> body) {
        String externalId = WriteTarget.text(body.get("externalId"));
        KustomerPaths.ApiPath path = externalId != null
                ? KustomerPaths.byExternalId(target.resource(), target.klass(), externalId)
                : KustomerPaths.customerByEmail(target.emailOf(body));
        return client.send(KustomerRequest.get(path), target.stats());
    }

    /** A KObject update takes no links (customer, company): those are set when it is created. */
    private static Map<String, Object> updateBody(KustomerResource resource, Map<String, Object> body) {
        Map<String, Object> update = new LinkedHashMap<>(body);
        if (resource == KustomerResource.kobjects) {
            update.remove("customer");
            update.remove("company");
        }
        return update;
    }

    private static boolean isConflict(RecordOutcome<Object> outcome) {
        return outcome.isFailure() && Objects.equals(outcome.failedRecord().httpStatus(), 409);
    }

    /**
     * What an answer means for the record: its resource on 2xx, else a failure.
     *
     * @param uncertainCreate whether a 5xx or a lost answer may have left the record created
     */
    private static RecordOutcome<Object> outcome(RecordToSend item, KustomerResponse response, Throwable failure,
                                                 boolean uncertainCreate) {
        if (failure != null) {
            return RecordOutcome.failure(Failures.fromFailure(item, failure, uncertainCreate));
        }
        if (!response.isSuccessful()) {
            return RecordOutcome.failure(Failures.fromAnswer(item, response, uncertainCreate));
        }
        try {
            Map<String, Object> data = response.data();
            FailedRecord none = data == null ? Failures.noResource(item, response) : null;
            return none == null ? RecordOutcome.success(item.index(), data) : RecordOutcome.failure(none);
        } catch (RuntimeException notJson) {
            return RecordOutcome.failure(Failures.unreadableAnswer(item, response, uncertainCreate));
        }
    }
}
