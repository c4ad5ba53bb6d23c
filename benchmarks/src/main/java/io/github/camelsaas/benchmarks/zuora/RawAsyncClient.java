package io.github.camelsaas.benchmarks.zuora;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * Apache HttpClient 5's async client with nothing on top: the transport the components are built on, posting
 * bytes that are already serialized. What it reaches is the client-side limit of the machine and stub.
 */
public final class RawAsyncClient implements AutoCloseable {

    private final CloseableHttpAsyncClient client;

    public RawAsyncClient(int maxConnections) {
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections).build();
        client = HttpAsyncClients.custom().setConnectionManager(connections).disableAutomaticRetries().build();
        client.start();
    }

    /** POSTs a JSON body with a bearer token; completes with the answer, its body read whole. */
    public CompletableFuture<SimpleHttpResponse> post(String url, String token, byte[] json) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(url)
                .setHeader("Authorization", "Bearer " + token)
                .setHeader("Accept", "application/json")
                .setBody(json, ContentType.APPLICATION_JSON)
                .build();
        CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
        client.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                answer.complete(response);
            }

            @Override
            public void failed(Exception e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                answer.cancel(false);
            }
        });
        return answer;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        client.close(CloseMode.GRACEFUL);
        client.awaitShutdown(org.apache.hc.core5.util.TimeValue.of(5, TimeUnit.SECONDS));
    }
}
