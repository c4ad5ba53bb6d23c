package io.github.camelsaas.kustomer.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelsaas.common.batch.RecordToSend;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.kustomer.KustomerConfiguration;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.kustomer.KustomerOperation;
import io.github.camelsaas.kustomer.KustomerResource;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.record.RecordValidator;

/**
 * Writes the records of one exchange (create, update, upsert): checks each one (nothing is sent for an invalid
 * record), then writes the valid ones in bulk, one by one, or through the coalescer, and settles every record exactly
 * once, in input order.
 */
public final class WriteOperation {

    private final KustomerConfiguration configuration;
    private final JsonRecords json;
    private final SingleRecordWriter singleRecordWriter;
    private final BulkWriter bulkWriter;
    private final CreateCoalescer coalescer;

    /** @param coalescer null unless batchWindow is set */
    public WriteOperation(KustomerConfiguration configuration, JsonRecords json, SingleRecordWriter singleRecordWriter,
                 BulkWriter bulkWriter, CreateCoalescer coalescer) {
        this.configuration = configuration;
        this.json = json;
        this.singleRecordWriter = singleRecordWriter;
        this.bulkWriter = bulkWriter;
        this.coalescer = coalescer;
    }

    /** Every record's outcome, in input order; an invalid record's is a validation failure (nothing was sent). */
    public CompletableFuture<List<RecordOutcome<Object>>> write(WriteTarget target, KustomerOperation operation,
                                                                List<Map<String, Object>> records) {
        OutcomeCollector<Object> outcomes = new OutcomeCollector<>(records.size());
        List<RecordToSend> valid = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            Map<String, Object> record = records.get(index);
            List<String> violations = violations(target, operation, record);
            Map<String, Object> body = violations.isEmpty() ? body(target, operation, record) : record;
            if (violations.isEmpty() && !inBulk(target, operation)) {
                // a bulk chunk measures its items itself; a record sent alone must fit Kustomer's limit too
                long bytes = json.serializedSize(body);
                if (bytes > BulkWriter.MAX_BODY_BYTES) {
                    violations.add("the record alone is " + bytes + " bytes of JSON, over Kustomer's 100 kB request "
                            + "limit");
                }
            }
            if (violations.isEmpty()) {
                valid.add(new RecordToSend(index, record, body));
            } else {
                outcomes.fail(FailedRecord.validation(index, record, String.join("; ", violations)));
            }
        }
        CompletableFuture<Void> written = valid.isEmpty() ? CompletableFuture.completedFuture(null)
                : dispatch(target, operation, valid, outcomes);
        written.whenComplete((ignored, failure) -> {
            if (failure != null) {
                // a bug must not leave the exchange waiting: whatever is not settled yet fails with it
                outcomes.failRemaining(index -> Failures.fromFailure(itemAt(records, index), failure, false));
            }
        });
        return outcomes.completion();
    }

    private CompletableFuture<Void> dispatch(WriteTarget target, KustomerOperation operation, List<RecordToSend> valid,
                                             OutcomeCollector<Object> outcomes) {
        if (inBulk(target, operation)) {
            return bulkWriter.write(target, valid, operation == KustomerOperation.update, outcomes);
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>(valid.size());
        for (RecordToSend item : valid) {
            CompletableFuture<RecordOutcome<Object>> outcome = switch (operation) {
                case create -> coalescer != null && target.singleRecord()
                        ? coalescer.submit(target, item) : singleRecordWriter.create(target, item);
                case update -> singleRecordWriter.update(target, item);
                default -> singleRecordWriter.upsert(target, item);
            };
            writes.add(outcome.thenAccept(outcomes::settle));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** Whether the records go to a /bulk endpoint (a list body, bulk on, not an upsert). */
    private boolean inBulk(WriteTarget target, KustomerOperation operation) {
        return configuration.isBulk() && !target.singleRecord() && operation != KustomerOperation.upsert;
    }

    /**
     * The rules the record breaks (validate=true), and what the operation itself needs from it (always): the ids it
     * looks up by, and values that must go into a URL path without changing it.
     */
    private List<String> violations(WriteTarget target, KustomerOperation operation, Map<String, Object> record) {
        List<String> violations = configuration.isValidate()
                ? RecordValidator.violations(target.resource(), operation, record) : new ArrayList<>();
        if (operation == KustomerOperation.update && target.idOf(record) == null) {
            violations.add(0, "update needs the record's id: the header " + KustomerConstants.ID
                    + " for a single record, or an id in each record of a list");
        }
        if (operation == KustomerOperation.upsert && target.externalIdOf(record) == null
                && (target.resource() != KustomerResource.customers || target.emailOf(record) == null)) {
            violations.add(0, "upsert needs an externalId (the record's or the header "
                    + KustomerConstants.EXTERNAL_ID + ")"
                    + (target.resource() == KustomerResource.customers ? " or an email" : "") + " to look it up by");
        }
        pathValues(target, operation, record).forEach((name, value) -> {
            String problem = value == null ? null : KustomerPaths.segmentProblem(value);
            if (problem != null) {
                violations.add(name + " " + problem + ": it cannot name a Kustomer resource");
            }
        });
        return violations;
    }

    /** The values of the record that the operation puts into a URL path, by name. */
    private static Map<String, String> pathValues(WriteTarget target, KustomerOperation operation,
                                                  Map<String, Object> record) {
        Map<String, String> values = new LinkedHashMap<>();
        switch (operation) {
            case create -> {
                if (target.resource().hasCustomerScopedCreate()) {
                    values.put("customer", target.customerOf(record));
                }
                if (target.resource().hasConversationScopedCreate()) {
                    values.put("conversation", target.conversationOf(record));
                }
                if (target.resource().hasExternalIdLookup()) {
                    // a create with externalId may look the record up after an uncertain outcome
                    values.put("externalId", target.externalIdOf(record));
                }
            }
            case update -> values.put("id", target.idOf(record));
            default -> {
                values.put("externalId", target.externalIdOf(record));
                values.put("email", target.emailOf(record));
            }
        }
        return values;
    }

    /**
     * The body to send: bulk items carry the header's customer (bulk has no customer-scoped path); an upsert's create
     * carries the external id or email it was looked up by.
     */
    private static Map<String, Object> body(WriteTarget target, KustomerOperation operation,
                                            Map<String, Object> record) {
        Map<String, Object> body = record;
        if (operation == KustomerOperation.create && !target.singleRecord() && target.customerHeader() != null
                && target.resource().hasCustomerScopedCreate() && record.get("customer") == null) {
            body = new LinkedHashMap<>(record);
            body.put("customer", target.customerHeader());
        }
        if (operation == KustomerOperation.upsert && record.get("externalId") == null
                && target.externalIdOf(record) != null) {
            body = new LinkedHashMap<>(record);
            body.put("externalId", target.externalIdOf(record));
        } else if (operation == KustomerOperation.upsert && target.resource() == KustomerResource.customers
                && record.get("externalId") == null && record.get("emails") == null && target.emailOf(record) != null) {
            // a customer created by an email upsert must carry that email, or the next upsert would not find it
            body = new LinkedHashMap<>(record);
            body.put("emails", List.of(Map.of("email", target.emailOf(record))));
        }
        return body;
    }

    private static RecordToSend itemAt(List<Map<String, Object>> records, int index) {
        return new RecordToSend(index, records.get(index), records.get(index));
    }
}
