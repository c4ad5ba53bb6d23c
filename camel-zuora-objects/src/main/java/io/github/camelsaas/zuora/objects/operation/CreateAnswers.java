package io.github.camelsaas.zuora.objects.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.batch.RecordToSend;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.OutcomeCollector;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraError;
import io.github.camelsaas.zuora.objects.api.ZuoraRequest;

/**
 * Reads Zuora's answer to one create call and settles each record of the call exactly once, or hands it back
 * to be sent again:
 * <ul>
 * <li>200: the records in {@code records} were created (paired with the input in order), those named in
 * {@code error.details} failed (matched by content);</li>
 * <li>500 with code 71012561: the records in {@code details[].record} are to be sent again, the others were
 * created (Zuora's answer does not return them, so they succeed as submitted, without Id);</li>
 * <li>400: nothing of the call was created; the records named in the details failed validation, the others
 * failed with them;</li>
 * <li>any other status: every record of the call failed with it.</li>
 * </ul>
 */
final class CreateAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(CreateAnswers.class);
    static final String UNACCOUNTED = "Zuora's answer does not account for this record recognisably; it may or "
                                      + "may not have been created";

    private final ZuoraApi api;
    private final ObjectMapper canonical;
    private final boolean allowPartialSuccess;

    CreateAnswers(ZuoraApi api, ObjectMapper canonical, boolean allowPartialSuccess) {
        this.api = api;
        this.canonical = canonical;
        this.allowPartialSuccess = allowPartialSuccess;
    }

    /** Settles the call's records; returns those Zuora asked to send again (not settled). */
    List<RecordToSend> settle(ZuoraRequest request, SaasHttpResponse response, List<RecordToSend> pending,
                               OutcomeCollector<Map<String, Object>> out) {
        int status = response.status();
        if (status == 200) {
            return settleCreated(request, response, pending, out);
        }
        ZuoraError error = ZuoraError.of(response, api.json());
        if (status == 500 && error.asksForRetry()) {
            return settleRetryRequest(error, pending, out);
        }
        if (status == 400) {
            settleRejected(error, pending, out);
            return List.of();
        }
        // a gateway's 502 or 504 says nothing of what the service did: the records may exist, so a re-drive of
        // "retryable" failures must not create them twice (429 and 503 mean the call was not acted on)
        boolean mayExist = status == 502 || status == 504;
        String message = request + " answered " + status + describe(error)
                + (mayExist ? "; the records may have been created, so they are not marked retryable" : "");
        for (RecordToSend record : pending) {
            out.fail(FailedRecord.fromResponse(record.index(), record.record(), status, error.code(), message,
                    status == 429 || status == 503));
        }
        return List.of();
    }

    private List<RecordToSend> settleCreated(ZuoraRequest request, SaasHttpResponse response,
                                              List<RecordToSend> pending, OutcomeCollector<Map<String, Object>> out) {
        // the created records become the message body: read compactly (1(a): 157 MB above its input, was 240)
        Map<String, Object> body = api.readObject(request, response, true);
        List<Map<String, Object>> created = objects(body.get("records"));
        RecordMatcher matcher = matcher(pending);
        List<RecordToSend> retry = new ArrayList<>();
        int unmatched = 0;
        if (body.get("error") instanceof Map<?, ?> errorBody) {
            @SuppressWarnings("unchecked")
            ZuoraError error = ZuoraError.fromBody((Map<String, Object>) errorBody);
            unmatched = settleDetails(error, 200, pending, matcher, retry, out);
        }
        List<Integer> open = matcher.unclaimed();
        if (unmatched == 0 && open.size() == created.size()) {
            // Zuora returns the created records in the order sent
            for (int i = 0; i < open.size(); i++) {
                RecordToSend record = pending.get(open.get(i));
                out.succeed(record.index(), created.get(i));
            }
            return retry;
        }
        for (Map<String, Object> record : created) {
            OptionalInt position = matcher.claim(record);
            if (position.isPresent()) {
                out.succeed(pending.get(position.getAsInt()).index(), record);
            }
        }
        List<Integer> unaccounted = matcher.unclaimed();
        if (!unaccounted.isEmpty()) {
            LOG.warn("{}: {} record(s) of the call could not be matched to Zuora's answer ({} created, {} details "
                     + "not recognised); they are reported as failed", request, unaccounted.size(), created.size(),
                    unmatched);
        }
        for (int position : unaccounted) {
            RecordToSend record = pending.get(position);
            out.fail(FailedRecord.fromResponse(record.index(), record.record(), 200, null, UNACCOUNTED, false));
        }
        return retry;
    }

    private List<RecordToSend> settleRetryRequest(ZuoraError error, List<RecordToSend> pending,
                                                   OutcomeCollector<Map<String, Object>> out) {
        if (error.details().isEmpty()) {
            // Zuora asked for a retry and named no record ("please try again later"): nothing of the call is known
            // to be created, so every record goes again rather than being taken for created
            return new ArrayList<>(pending);
        }
        RecordMatcher matcher = matcher(pending);
        List<RecordToSend> retry = new ArrayList<>();
        int unmatched = settleDetails(error, 500, pending, matcher, retry, out);
        for (int position : matcher.unclaimed()) {
            RecordToSend record = pending.get(position);
            if (unmatched == 0) {
                // created, but the answer does not return it: the record as submitted, without Id
                out.succeed(record.index(), new LinkedHashMap<>(record.record()));
            } else {
                out.fail(FailedRecord.fromResponse(record.index(), record.record(), 500, error.code(), UNACCOUNTED,
                        false));
            }
        }
        return retry;
    }

    private void settleRejected(ZuoraError error, List<RecordToSend> pending,
                                OutcomeCollector<Map<String, Object>> out) {
        RecordMatcher matcher = matcher(pending);
        int named = 0;
        for (ZuoraError.Detail detail : error.details()) {
            OptionalInt position = matcher.claim(detail.record());
            if (position.isPresent()) {
                RecordToSend record = pending.get(position.getAsInt());
                out.fail(FailedRecord.fromResponse(record.index(), record.record(), 400, detail.code(),
                        ZuoraError.safe(detail.message(), api.secrets()), false));
                named++;
            }
        }
        // with partial success off, one bad record sinks the call: the others can go again on their own
        boolean innocent = named > 0 && !allowPartialSuccess;
        String message = innocent
                ? "not created: Zuora refused the whole call because other records in it failed validation "
                  + "(allowPartialSuccess=false)" + describe(error)
                : "not created: Zuora answered 400" + describe(error);
        for (int position : matcher.unclaimed()) {
            RecordToSend record = pending.get(position);
            out.fail(FailedRecord.fromResponse(record.index(), record.record(), 400, error.code(), message, innocent));
        }
    }

    /**
     * Settles the records named in the details as failed, or adds them to {@code retry} when Zuora asks for it.
     *
     * @return how many details named no record of the call
     */
    private int settleDetails(ZuoraError error, int status, List<RecordToSend> pending, RecordMatcher matcher,
                              List<RecordToSend> retry, OutcomeCollector<Map<String, Object>> out) {
        int unmatched = 0;
        for (ZuoraError.Detail detail : error.details()) {
            OptionalInt position = matcher.claim(detail.record());
            if (position.isEmpty()) {
                unmatched++;
                continue;
            }
            RecordToSend record = pending.get(position.getAsInt());
            if (detail.asksForRetry()) {
                retry.add(record);
            } else {
                out.fail(FailedRecord.fromResponse(record.index(), record.record(), status, detail.code(),
                        ZuoraError.safe(detail.message(), api.secrets()), false));
            }
        }
        return unmatched;
    }

    private RecordMatcher matcher(List<RecordToSend> pending) {
        return new RecordMatcher(pending.stream().map(RecordToSend::record).toList(), api.json(), canonical);
    }

    private String describe(ZuoraError error) {
        String described = error.describe(api.secrets());
        return described.isEmpty() ? "" : " (" + described + ")";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object value) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    objects.add((Map<String, Object>) map);
                }
            }
        }
        return objects;
    }
}
