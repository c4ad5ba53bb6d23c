package io.github.camelsaas.benchmarks.zuora;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.Variant;
import io.github.camelsaas.benchmarks.stub.StubStats;
import io.github.camelsaas.benchmarks.workload.OrderRecords;

/**
 * 3(b): the same single-record creates with HttpClient 5's async client alone, body serialized beforehand, answer
 * bytes read but not parsed: the floor the component's per-call overhead is measured against.
 */
public final class RawSingleCalls implements Variant {

    private final ZuoraTarget zuora;
    private final int calls;
    private byte[] body;
    private RawAsyncClient client;
    private String token;

    public RawSingleCalls(ZuoraTarget zuora, int calls) {
        this.zuora = zuora;
        this.calls = calls;
    }

    @Override
    public String id() {
        return "3b";
    }

    @Override
    public String label() {
        return "raw HttpClient 5 async, 1 record, sequential";
    }

    @Override
    public void setUp() {
        body = ZuoraTarget.serialize(ZuoraTarget.createBody(List.of(OrderRecords.order(7))));
        client = new RawAsyncClient(4);
        token = zuora.fetchToken();
    }

    @Override
    public Measurement run() throws Exception {
        zuora.resetStub();
        String url = zuora.createUrl();
        long[] latencies = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long sent = System.nanoTime();
            SimpleHttpResponse response = client.post(url, token, body).get(30, TimeUnit.SECONDS);
            latencies[i] = System.nanoTime() - sent;
            if (response.getCode() != 200) {
                throw new IllegalStateException("call " + i + " answered " + response.getCode());
            }
        }
        long elapsed = System.nanoTime() - start;
        StubStats stats = zuora.stubStats();
        return Measurement.of(calls, stats.records(), stats.calls(), elapsed).withExpectedCalls(calls)
                .withLatencies(latencies);
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }
}
