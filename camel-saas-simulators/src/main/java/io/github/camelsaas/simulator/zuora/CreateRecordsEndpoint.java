package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsaas.simulator.common.SimResponse;

/**
 * {@code POST /objects/records/default/{object}}: creates up to 1,000 records. Every record is validated against
 * the definition; with {@code allowPartialSuccess} false one invalid record fails the call with 400 and nothing
 * is stored, with true the valid ones are stored and the answer's {@code error.details} names the others. An
 * armed {@link RetryableRecordsFault} leaves some valid records unstored and answers 500 / 71012561 listing them.
 */
final class CreateRecordsEndpoint {

    static final int MAX_RECORDS_PER_CALL = 1_000;

    /** What one create call did: records stored, records rejected, records to retry (details by position). */
    private record Outcome(boolean rejectedWhole, List<ObjectNode> stored, Map<Integer, ObjectNode> invalid,
            Map<Integer, ObjectNode> retry) {
    }

    private final DefinitionRegistry definitions;
    private final RecordStore store;
    private final RetryableRecordsFault retryFault;
    private final CallObservations observations;

    CreateRecordsEndpoint(DefinitionRegistry definitions, RecordStore store, RetryableRecordsFault retryFault,
            CallObservations observations) {
        this.definitions = definitions;
        this.store = store;
        this.retryFault = retryFault;
        this.observations = observations;
    }

    SimResponse create(ZuoraCall call) {
        ObjectNode body = JsonBodies.object(call.request());
        JsonNode records = body.get("records");
        if (records == null || !records.isArray()) {
            throw new InvalidRequestException(ZuoraErrorCodes.MISSING_REQUIRED_FIELD,
                    "Field [records] is required and must be an array.");
        }
        observations.recordsInCreate(records.size());
        if (records.size() > MAX_RECORDS_PER_CALL) {
            throw new InvalidRequestException(ZuoraErrorCodes.INVALID_VALUE, "A call creates at most "
                    + MAX_RECORDS_PER_CALL + " records; this one has " + records.size() + ".");
        }
        boolean allowPartialSuccess = JsonBodies.flag(body, "allowPartialSuccess");
        ObjectDefinition definition = definitions.resolve(call.object(), () -> FieldInference.fieldsOf(records))
                .orElseThrow(() -> new InvalidRequestException(ZuoraErrorCodes.NOT_FOUND,
                        "Custom object definition [" + call.object() + "] does not exist."));

        // validation needs no lock: only uniqueness depends on what is stored
        List<Optional<RecordError>> errors = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            errors.add(record.isObject() ? RecordValidator.validate(definition, (ObjectNode) record)
                    : Optional.of(new RecordError(ZuoraErrorCodes.INVALID_VALUE, "A record must be a JSON object.")));
        }
        ObjectRecords objectRecords = store.of(call.object());
        Outcome outcome = objectRecords.atomically(() -> store(call, definition, objectRecords, records, errors,
                allowPartialSuccess));
        return answer(outcome);
    }

    private Outcome store(ZuoraCall call, ObjectDefinition definition, ObjectRecords objectRecords, JsonNode submitted,
            List<Optional<RecordError>> errors, boolean allowPartialSuccess) {
        String now = Records.now();
        Map<Integer, ObjectNode> invalid = new TreeMap<>();
        List<ObjectNode> candidates = new ArrayList<>();
        List<Integer> candidatePositions = new ArrayList<>();
        for (int i = 0; i < submitted.size(); i++) {
            Optional<RecordError> error = errors.get(i);
            if (error.isPresent()) {
                invalid.put(i, detail(error.get(), submitted.get(i)));
            } else {
                candidates.add(Records.newRecord(UUID.randomUUID().toString(), call.object(),
                        (ObjectNode) submitted.get(i), call.caller().userId(), now));
                candidatePositions.add(i);
            }
        }
        Map<Integer, RecordError> duplicates = objectRecords.uniqueViolations(definition, candidates);
        duplicates.forEach((candidate, error) -> {
            int position = candidatePositions.get(candidate);
            invalid.put(position, detail(error, submitted.get(position)));
        });
        if (!invalid.isEmpty() && !allowPartialSuccess) {
            return new Outcome(true, List.of(), invalid, Map.of());
        }

        List<Integer> acceptable = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            if (!duplicates.containsKey(c)) {
                acceptable.add(c);
            }
        }
        int[] unstored = retryFault.take(acceptable.size());
        Map<Integer, ObjectNode> retry = new TreeMap<>();
        Arrays.stream(unstored).forEach(a -> {
            int position = candidatePositions.get(acceptable.get(a));
            retry.put(position, ZuoraResponses.detail(ZuoraErrorCodes.RETRY_RECORDS,
                    "Unable to process record due to internal error or database throttling; retry it.",
                    submitted.get(position)));
        });
        List<ObjectNode> stored = new ArrayList<>(acceptable.size());
        for (int c : acceptable) {
            if (!retry.containsKey(candidatePositions.get(c))) {
                objectRecords.put(candidates.get(c));
                stored.add(candidates.get(c));
            }
        }
        return new Outcome(false, stored, invalid, retry);
    }

    private static SimResponse answer(Outcome outcome) {
        if (outcome.rejectedWhole()) {
            return ZuoraResponses.error(400, ZuoraErrorCodes.INVALID_VALUE,
                    "Request contains invalid records that failed validation against the object schema; none was created.",
                    new ArrayList<>(outcome.invalid().values()));
        }
        if (!outcome.retry().isEmpty()) {
            Map<Integer, ObjectNode> notCreated = new TreeMap<>(outcome.invalid());
            notCreated.putAll(outcome.retry());
            return ZuoraResponses.error(500, ZuoraErrorCodes.RETRY_RECORDS,
                    "Unable to create some object records, please retry the records in details.",
                    new ArrayList<>(notCreated.values()));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("records").addAll(outcome.stored());
        if (!outcome.invalid().isEmpty()) {
            body.set("error", ZuoraResponses.errorBody(ZuoraErrorCodes.INVALID_VALUE,
                    "Request contains invalid records that failed validation against the object schema.",
                    new ArrayList<>(outcome.invalid().values())));
        }
        return ZuoraResponses.json(200, body);
    }

    /** Details echo the record as submitted, so a client can match it to its input or send it again as is. */
    private static ObjectNode detail(RecordError error, JsonNode submitted) {
        return ZuoraResponses.detail(error.code(), error.message(), submitted);
    }
}
