package io.github.camelsaas.common.component;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.HttpTransportOptions;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.redact.SecretRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * What one component instance runs on, created when it starts and closed when it stops: one pooled HTTP client,
 * one scheduler for every timed wait (rate limits, retries, coalescing windows), a worker pool where answers are
 * processed off the HTTP I/O threads, and the registry of secrets to keep out of every message. Threads come from
 * Camel's ExecutorServiceManager, so they are named, profiled and shut down the Camel way.
 */
public final class SaasRuntime implements AutoCloseable {

    private final CamelContext camelContext;
    private final HttpTransport transport;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workerPool;
    private final Executor workers;
    private final SecretRegistry secrets;
    private final JsonRecords json;

    private SaasRuntime(CamelContext camelContext, HttpTransport transport, ScheduledExecutorService scheduler,
                        ExecutorService workerPool, SecretRegistry secrets, JsonRecords json) {
        this.camelContext = camelContext;
        this.transport = transport;
        this.scheduler = scheduler;
        this.workerPool = workerPool;
        this.workers = new InlineOnRejection(workerPool);
        this.secrets = secrets;
        this.json = json;
    }

    /**
     * @param owner the component (threads are registered under it)
     * @param name  the scheme, used in thread names, e.g. "kustomer"
     */
    public static SaasRuntime start(CamelContext camelContext, Object owner, String name,
                                    HttpTransportOptions options, SecretRegistry secrets) {
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        ScheduledExecutorService scheduler = executors.newScheduledThreadPool(owner, name + "-scheduler", 1);
        ExecutorService workers = executors.newDefaultThreadPool(owner, name + "-worker");
        HttpTransport transport = new HttpTransport(options, secrets);
        transport.start();
        return new SaasRuntime(camelContext, transport, scheduler, workers, secrets, new JsonRecords());
    }

    public HttpTransport transport() {
        return transport;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Where answers are processed and exchanges completed, so HTTP I/O threads only do I/O. Once the pool is
     * stopping, work handed to it runs on the calling thread instead of being dropped: an answer must always reach
     * its exchange.
     */
    public Executor workers() {
        return workers;
    }

    public SecretRegistry secrets() {
        return secrets;
    }

    public JsonRecords json() {
        return json;
    }

    /**
     * Closes the HTTP client and the threads. Components close their limiters, retriers and coalescers first, so
     * that every waiting request is failed with a clear error rather than dropped with the scheduler.
     */
    @Override
    public void close() {
        transport.close();
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        executors.shutdownNow(scheduler);
        executors.shutdown(workerPool);
    }
}
