package io.github.camelsaas.benchmarks.zuora;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.stub.StubStats;
import io.github.camelsaas.benchmarks.workload.OrderRecords;

/**
 * 1(e): the client limit. HttpClient 5's async client posts bodies of 1,000 records serialized before the clock
 * starts, at most {@code concurrency} in flight (the component's default cap), and reads each answer's bytes
 * without parsing them. No JSON work, no Camel: what is left is the transport, the stub and the machine.
 */
public final class RawClientBatches implements Variant {

    private final ZuoraTarget zuora;
    private final int records;
    private final int concurrency;
    private List<byte[]> bodies;
    private RawAsyncClient client;
    private String token;

    public RawClientBatches(ZuoraTarget zuora, int records, int concurrency) {
        this.zuora = zuora;
        this.records = records;
        this.concurrency = concurrency;
    }

    @Override
    public String id() {
        return "1e";
    }

    @Override
    public String label() {
        return "raw HttpClient 5 async, pre-serialized x1000";
    }

    @Override
    public void setUp() {
        List<Map<String, Object>> input = OrderRecords.generate(records);
        bodies = new ArrayList<>();
        for (int from = 0; from < records; from += 1000) {
            bodies.add(ZuoraTarget.serialize(ZuoraTarget.createBody(input.subList(from, Math.min(records, from + 1000)))));
        }
        client = new RawAsyncClient(concurrency);
        token = zuora.fetchToken();
    }

    @Override
    public Measurement run() throws Exception {
        zuora.resetStub();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<?>> calls = new ArrayList<>(bodies.size());
        String url = zuora.createUrl();
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            inFlight.acquire();
            calls.add(client.post(url, token, body).whenComplete((response, failure) -> {
                inFlight.release();
                if (failure != null || response.getCode() != 200) {
                    failures.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        StubStats stats = zuora.stubStats();
        return Measurement.of(records, stats.records(), stats.calls(), elapsed)
                .withExpectedCalls(bodies.size())
                .withExtra(Map.of("failed_calls", (double) failures.get()));
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
        bodies = null;
    }
}
