package io.github.camelsaas.common.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelsaas.common.http.HttpTransportOptions;
import io.github.camelsaas.common.redact.SecretRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class SaasRuntimeTest {

    @Test
    void startsEverythingAComponentNeedsAndClosesIt() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            SaasRuntime runtime = SaasRuntime.start(camel, this, "test", HttpTransportOptions.defaults(),
                    new SecretRegistry());

            assertThat(runtime.transport().isStarted()).isTrue();
            CompletableFuture<String> scheduledOn = new CompletableFuture<>();
            runtime.scheduler().schedule(() -> scheduledOn.complete(Thread.currentThread().getName()),
                    1, TimeUnit.MILLISECONDS);
            assertThat(scheduledOn.get(2, TimeUnit.SECONDS)).contains("test-scheduler");
            assertThat(CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), runtime.workers())
                    .get(2, TimeUnit.SECONDS)).contains("test-worker");

            runtime.close();

            assertThat(runtime.transport().isStarted()).isFalse();
            assertThat(runtime.scheduler().isShutdown()).isTrue();
            // a completion handed over after the stop still runs (here, on the calling thread): never dropped
            CompletableFuture<String> lateCompletion = new CompletableFuture<>();
            runtime.workers().execute(() -> lateCompletion.complete(Thread.currentThread().getName()));
            assertThat(lateCompletion).isCompletedWithValue(Thread.currentThread().getName());
        }
    }
}
