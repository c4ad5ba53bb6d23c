package io.github.camelsaas.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelsaas.benchmarks.report.BenchmarkReport;
import io.github.camelsaas.benchmarks.report.ResultsJson;
import io.github.camelsaas.benchmarks.stub.ZuoraStubHandle;

/**
 * Runs every scenario and variant on tiny numbers (the stub in this JVM) and checks what the JSON results say: every
 * variant is there, every record sent was counted created, 1(a) made exactly ceil(N/1000) calls, the naive route
 * one per record, and each number a reader relies on is present and sane. No timing is asserted.
 */
class BenchmarkPlumbingTest {

    private static final List<String> VARIANTS = List.of("1a", "1b", "1c", "1d", "1e", "2a", "2b", "2c", "2d", "3a",
            "3b");

    @Test
    void everyScenarioRunsAndItsResultsAccountForEveryRecord(@TempDir Path dir) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.tiny();
        BenchmarkReport report;
        try (ZuoraStubHandle stub = ZuoraStubHandle.inProcess(4)) {
            report = new BenchmarkRun(settings, System.out).run(stub, Set.of());
        }
        Path file = dir.resolve("latest.json");
        ResultsJson.write(report, file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertThat(json.get("problems")).isEmpty();
        Map<String, JsonNode> byVariant = new HashMap<>();
        json.get("results").forEach(result -> byVariant.put(result.get("variant").asText(), result));
        assertThat(byVariant).containsOnlyKeys(VARIANTS);
        for (JsonNode result : byVariant.values()) {
            String variant = result.get("variant").asText();
            assertThat(result.get("problems")).as(variant).isEmpty();
            assertThat(result.get("iterations").asInt()).as(variant).isEqualTo(settings.iterations());
            assertThat(result.get("records_created").asLong()).as(variant)
                    .isEqualTo(result.get("records").asLong()).isPositive();
            assertThat(result.get("records_per_s").get("median").asDouble()).as(variant).isPositive();
            assertThat(result.get("records_per_s").get("min").asDouble()).as(variant)
                    .isLessThanOrEqualTo(result.get("records_per_s").get("max").asDouble());
            assertThat(result.get("too_many_requests").asLong()).as(variant).isNotNegative();
            assertThat(result.get("peak_heap_mb").asDouble()).as(variant).isPositive();
            assertThat(result.get("per_iteration")).as(variant).hasSize(settings.iterations());
        }

        JsonNode listBody = byVariant.get("1a");
        assertThat(listBody.get("records").asInt()).isEqualTo(settings.zuoraRecords());
        assertThat(listBody.get("calls").asLong()).isEqualTo((settings.zuoraRecords() + 999) / 1000)
                .isEqualTo(listBody.get("expected_calls").asLong());
        assertThat(byVariant.get("1c").get("calls").asLong()).isEqualTo(settings.naiveRecords());
        assertThat(byVariant.get("1d").get("calls").asLong()).isEqualTo((settings.zuoraRecords() + 999) / 1000);
        assertThat(byVariant.get("1e").get("calls").asLong()).isEqualTo((settings.zuoraRecords() + 999) / 1000);
        assertThat(byVariant.get("1b").get("calls").asLong()).isBetween(3L, (long) settings.zuoraRecords());

        for (String throttled : List.of("2a", "2b", "2c", "2d")) {
            JsonNode result = byVariant.get(throttled);
            assertThat(result.get("records").asInt()).isEqualTo(settings.kustomer().records());
            // at least one call per KObject, plus one per 429 retried
            assertThat(result.get("calls").asLong()).isEqualTo(settings.kustomer().records()
                    + result.get("too_many_requests").asLong());
            assertThat(result.get("extra").get("achieved_vs_ideal").get("median").asDouble()).isPositive();
            assertThat(result.get("extra").get("ideal_records_per_s").get("median").asDouble())
                    .isEqualTo(settings.kustomer().idealRecordsPerSecond());
        }
        // 429s are counted by kind; with one measured run (tiny) their sum is the variant's total
        for (String throttled : List.of("2a", "2b", "2c", "2d")) {
            JsonNode extra = byVariant.get(throttled).get("extra");
            assertThat(extra.get("org_429s").get("max").asDouble() + extra.get("customer_429s").get("max").asDouble())
                    .isGreaterThanOrEqualTo(0).isEqualTo(byVariant.get(throttled).get("too_many_requests").asDouble());
        }

        for (String overhead : List.of("3a", "3b")) {
            JsonNode latency = byVariant.get(overhead).get("latency_ms");
            assertThat(latency.get("p50").get("median").asDouble()).as(overhead).isPositive()
                    .isLessThanOrEqualTo(latency.get("p99").get("median").asDouble());
            assertThat(byVariant.get(overhead).get("calls").asLong()).isEqualTo(settings.overheadCalls());
        }

        assertThat(json.get("comparisons")).extracting(c -> c.get("name").asText()).contains(
                "1a / 1e records/s", "1a / 1c records/s", "1b / 1a records/s", "2a achieved / ideal",
                "2a 429s per run", "2c achieved / ideal", "2c 429s per run", "2d achieved / ideal",
                "3a - 3b p50 latency");
        assertThat(json.get("settings").get("kustomer").get("jitter").get("max_delay_ms").asInt())
                .isEqualTo(settings.kustomerJitter().maxDelayMillis());
        json.get("comparisons").forEach(c -> assertThat(c.get("value").get("median").isNumber())
                .as(c.get("name").asText()).isTrue());
    }
}
