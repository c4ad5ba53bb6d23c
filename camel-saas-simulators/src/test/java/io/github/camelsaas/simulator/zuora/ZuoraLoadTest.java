package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

/** Many clients at once: nothing lost, nothing doubled, unique values held. */
class ZuoraLoadTest extends ZuoraSimulatorTestBase {

    @Test
    void concurrentCreatesOf1000RecordsAllLand() throws Exception {
        int threads = 8;
        int callsPerThread = 5;
        String token = client.token();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    ZuoraTestClient own = new ZuoraTestClient(zuora);
                    List<Integer> statuses = new ArrayList<>();
                    for (int c = 0; c < callsPerThread; c++) {
                        statuses.add(own.send(own.uri(RECORDS + VEHICLE), token,
                                Map.of("records", vehicles(1000, "T" + thread + "-C" + c + "-"))).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(zuora.count(VEHICLE)).isEqualTo(threads * callsPerThread * 1000);
        List<Map<String, Object>> records = zuora.records(VEHICLE);
        Set<Object> ids = new HashSet<>();
        Set<Object> deviceIds = new HashSet<>();
        records.forEach(r -> {
            ids.add(r.get("Id"));
            deviceIds.add(r.get("DeviceId__c"));
        });
        assertThat(ids).hasSize(40_000);
        assertThat(deviceIds).hasSize(40_000);
        assertThat(zuora.stats().calls(ZuoraRoute.CREATE_RECORDS.key())).isEqualTo(40);
        assertThat(zuora.maxRecordsInOneCreate()).isEqualTo(1000);
    }

    @Test
    void concurrentCreatesCannotShareAUniqueValue() throws Exception {
        String token = client.token();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Reply>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                results.add(pool.submit(() -> new ZuoraTestClient(zuora).send(new ZuoraTestClient(zuora)
                        .uri(RECORDS + VEHICLE), token, Map.of("records",
                                List.of(with(vehicle("U-" + thread), "Vin__c", "SAME-VIN"))))));
            }
            long created = 0;
            for (Future<Reply> result : results) {
                created += result.get().status() == 200 ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(zuora.count(VEHICLE)).isEqualTo(1);
    }
}
