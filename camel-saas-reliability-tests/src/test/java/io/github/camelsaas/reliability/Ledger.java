package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import org.apache.camel.Exchange;

/**
 * The accounting invariant of the suite: every input record ends as a success or as a reported failure, the server
 * stores each at most once, and {@code input = created (as the server stored them) + reported failed}.
 * <p>
 * Records are told apart by a unique key field that the server does not enforce (so a duplicate would be stored and
 * seen). A test registers the records of each exchange with {@link #settle}, which reads what the component reported
 * the way a route would: the exchange's {@link PartialFailureException} (or {@code RecordFailedException}), the
 * failed-records header when {@code failOnPartialFailure=false}, or any other exception as the failure of all the
 * exchange's records. {@link #balance} then compares that with the server's store.
 * <p>
 * A record reported failed that the server nevertheless stored is <em>ambiguous</em> (a create answered 502, or
 * whose answer never came, may have been applied): the invariant counts it once, as created, and requires that it is
 * not marked retryable, so that re-driving the retryable failures can never create it twice. Tests state how many
 * ambiguous records they expect.
 */
final class Ledger {

    /** What the component reported for one input record. */
    record Reported(String key, boolean succeeded, String message, boolean retryable, Integer status) {

        static Reported success(String key) {
            return new Reported(key, true, null, false, null);
        }

        static Reported failure(String key, FailedRecord failed) {
            return new Reported(key, false, failed.message(), failed.retryable(), failed.httpStatus());
        }

        /** The exchange failed as a whole (no per-record outcome): never taken for retryable. */
        static Reported exchangeFailure(String key, Throwable failure) {
            return new Reported(key, false, failure.getClass().getSimpleName() + ": " + failure.getMessage(), false,
                    null);
        }
    }

    private final String keyField;
    private final String failedRecordsHeader;
    private final Map<String, Reported> reported = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param keyField            the field holding each record's unique key
     * @param failedRecordsHeader the component's header of failed records (failOnPartialFailure=false)
     */
    Ledger(String keyField, String failedRecordsHeader) {
        this.keyField = keyField;
        this.failedRecordsHeader = failedRecordsHeader;
    }

    /** Reads the outcome of an exchange whose input was {@code records} (one record: a single-record exchange). */
    void settle(Exchange exchange, List<Map<String, Object>> records) {
        Throwable failure = exchange.getException();
        PartialFailureException partial = partialFailureOf(failure);
        List<FailedRecord> failed;
        if (failure == null) {
            List<?> header = exchange.getMessage().getHeader(failedRecordsHeader, List.class);
            failed = header == null ? List.of() : header.stream().map(FailedRecord.class::cast).toList();
        } else if (partial != null) {
            failed = partial.getFailedRecords();
        } else {
            records.forEach(record -> report(Reported.exchangeFailure(keyOf(record), failure)));
            return;
        }
        Map<Integer, FailedRecord> byIndex = new TreeMap<>();
        for (FailedRecord record : failed) {
            if (byIndex.put(record.index(), record) != null) {
                problems.add("input #" + record.index() + " was reported failed twice in one exchange");
            }
            if (record.index() >= records.size()) {
                problems.add("a failure names input #" + record.index() + " of an exchange of " + records.size());
            }
        }
        for (int i = 0; i < records.size(); i++) {
            String key = keyOf(records.get(i));
            FailedRecord record = byIndex.get(i);
            if (record == null) {
                report(Reported.success(key));
            } else {
                if (record.record() instanceof Map<?, ?> carried && !key.equals(String.valueOf(carried.get(keyField)))) {
                    problems.add(key + ": its failure carries another record (" + carried.get(keyField) + ")");
                }
                report(Reported.failure(key, record));
            }
        }
    }

    /** For an exchange that could not even be sent to the route (e.g. a timeout waiting for it in the test). */
    void settleUnfinished(List<Map<String, Object>> records, String why) {
        records.forEach(record -> problems.add(keyOf(record) + ": no outcome (" + why + ")"));
    }

    private static PartialFailureException partialFailureOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PartialFailureException partial) {
                return partial;
            }
        }
        return null;
    }

    private void report(Reported outcome) {
        if (reported.putIfAbsent(outcome.key(), outcome) != null) {
            problems.add(outcome.key() + ": reported twice");
        }
    }

    private String keyOf(Map<String, Object> record) {
        Object key = record.get(keyField);
        if (key == null) {
            throw new IllegalArgumentException("a test record has no " + keyField);
        }
        return String.valueOf(key);
    }

    /** The failures reported so far. */
    List<Reported> failures() {
        return reported.values().stream().filter(r -> !r.succeeded()).toList();
    }

    /**
     * Compares the outcomes with what the server stored.
     *
     * @param inputKeys  the keys of every input record of the run
     * @param storedKeys the key of every record the server holds (one entry per stored record)
     */
    Balance balance(Collection<String> inputKeys, Collection<String> storedKeys) {
        Map<String, Long> stored = storedKeys.stream()
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<String> issues = new ArrayList<>(problems);
        int created = 0;
        int failedNotStored = 0;
        List<Reported> ambiguous = new ArrayList<>();
        for (String key : inputKeys) {
            Reported outcome = reported.get(key);
            boolean isStored = stored.containsKey(key);
            if (isStored) {
                created++;
            }
            if (outcome == null) {
                issues.add(key + ": no outcome reported");
            } else if (outcome.succeeded() && !isStored) {
                issues.add(key + ": reported created but the server does not hold it (lost)");
            } else if (!outcome.succeeded()) {
                if (outcome.message() == null || outcome.message().isBlank()) {
                    issues.add(key + ": reported failed without saying why");
                }
                if (isStored) {
                    ambiguous.add(outcome);
                    if (outcome.retryable()) {
                        issues.add(key + ": reported failed and retryable, but the server holds it: a re-drive "
                                   + "would create it twice (" + outcome.message() + ")");
                    }
                } else {
                    failedNotStored++;
                }
            }
        }
        stored.forEach((key, count) -> {
            if (count > 1) {
                issues.add(key + ": stored " + count + " times");
            }
            if (!inputKeys.contains(key)) {
                issues.add(key + ": stored but never sent");
            }
        });
        return new Balance(inputKeys.size(), created, failedNotStored, ambiguous, issues);
    }

    /**
     * The books of a run.
     *
     * @param input           input records
     * @param created         input records the server holds (each once, or it is an issue)
     * @param failedNotStored records reported failed that the server does not hold
     * @param ambiguous       records reported failed that the server holds (may-have-been-created cases)
     * @param issues          every breach of the invariant, empty when it holds
     */
    record Balance(int input, int created, int failedNotStored, List<Reported> ambiguous, List<String> issues) {

        int reportedFailed() {
            return failedNotStored + ambiguous.size();
        }

        /** Asserts the invariant, with exactly {@code expectedAmbiguous} records reported failed yet stored. */
        Balance assertHolds(int expectedAmbiguous) {
            assertThat(issues).as("accounting issues").isEmpty();
            assertThat(created + failedNotStored).as("created + reported failed (not stored) = input")
                    .isEqualTo(input);
            assertThat(ambiguous).as("records reported failed although the server stored them").hasSize(
                    expectedAmbiguous);
            return this;
        }

        /** Asserts the invariant, whatever the number of ambiguous records (each counted and checked). */
        Balance assertHolds() {
            return assertHolds(ambiguous.size());
        }

        @Override
        public String toString() {
            return "input=" + input + ", created=" + created + ", reported failed=" + reportedFailed()
                   + " (of which stored anyway: " + ambiguous.size() + "), issues=" + issues.size();
        }
    }
}
