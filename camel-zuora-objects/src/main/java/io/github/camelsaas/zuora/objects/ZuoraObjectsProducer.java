package io.github.camelsaas.zuora.objects;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.async.Delays;
import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryPolicy;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.TrackIds;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraTenant;
import io.github.camelsaas.zuora.objects.operation.BatchOperations;
import io.github.camelsaas.zuora.objects.operation.CreateCoalescing;
import io.github.camelsaas.zuora.objects.operation.CreateOperation;
import io.github.camelsaas.zuora.objects.operation.OperationResult;
import io.github.camelsaas.zuora.objects.operation.QueryOperation;
import io.github.camelsaas.zuora.objects.operation.RecordOperations;
import io.github.camelsaas.zuora.objects.record.RecordRules;

/**
 * The zuora-objects: producer. Asynchronous end to end: {@link #process} validates the message, starts the
 * operation and returns; the exchange is completed on a worker thread when every call is answered, so no Camel
 * thread waits for a rate limit, a slot or a response. Sets {@code CamelZuoraObjectsRequestCount},
 * {@code CamelZuoraObjectsRequestId} and the echoed {@code CamelZuoraObjectsTrackId} on the way out.
 */
public class ZuoraObjectsProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ZuoraObjectsProducer.class);

    private final ZuoraObjectsEndpoint endpoint;
    private final ZuoraObjectsConfiguration configuration;
    private Executor workers;
    private ZuoraApi api;
    private Delays recordRetryDelays;
    private CreateOperation create;
    private CreateCoalescing coalescing;
    private QueryOperation query;
    private RecordOperations records;
    private BatchOperations batches;
    private ZuoraObjectsProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public ZuoraObjectsProducer(ZuoraObjectsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ZuoraObjectsComponent component = endpoint.getComponent();
        SaasRuntime runtime = component.runtime();
        String name = endpoint.label();
        ZuoraTenant tenant = component.tenantFor(configuration, name);
        RetryPolicy retryPolicy = RetryPolicy.withMaxRetries(configuration.getMaxRetries());
        workers = runtime.workers();
        api = new ZuoraApi(tenant, component.transportFor(configuration), new Retrier(name, retryPolicy,
                runtime.scheduler()), configuration, workers, runtime.json(), runtime.secrets());
        recordRetryDelays = new Delays(name + " record retries", runtime.scheduler());
        RecordRules rules = new RecordRules(configuration.emptyStrings());
        String object = configuration.getObject();
        create = new CreateOperation(api, object, configuration.isAllowPartialSuccess(), configuration.getBatchSize(),
                rules, retryPolicy, recordRetryDelays);
        if (configuration.getBatchWindow() > 0) {
            coalescing = new CreateCoalescing(name, create, configuration.getBatchSize(),
                    Duration.ofMillis(configuration.getBatchWindow()), runtime.scheduler());
        }
        query = new QueryOperation(api, object, configuration.getPageSize(), configuration.getMaxRecords(),
                configuration.isStreaming());
        records = new RecordOperations(api, object, rules);
        batches = new BatchOperations(api, object, configuration.isAllowPartialSuccess(), configuration.getBatchSize(),
                rules);
        registerHealthCheck(component, tenant);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
        }
        // what waits here fails now with a clear error; calls waiting on the shared tenant fail when the
        // component stops
        if (coalescing != null) {
            coalescing.close();
        }
        if (recordRetryDelays != null) {
            recordRetryDelays.close();
        }
        if (api != null) {
            api.close();
        }
        super.doStop();
    }

    private void registerHealthCheck(ZuoraObjectsComponent component, ZuoraTenant tenant) {
        // camel-health is optional: without it (or with producer checks off) there is no repository
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ZuoraObjectsProducerHealthCheck("producer:zuora-objects-" + configuration.getObject()
                    + "-" + endpoint.getId(), tenant.key().label(), tenant.tokens(),
                    configuration.getConnectTimeout() + configuration.getResponseTimeout());
            healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long started = System.nanoTime();
        ZuoraObjectsOperation operation;
        CallContext call;
        CompletableFuture<OperationResult> result;
        try {
            operation = operationOf(exchange.getMessage());
            call = new CallContext(trackIdOf(exchange.getMessage()));
            result = start(operation, exchange.getMessage(), call);
        } catch (RuntimeException e) {
            // a bad message fails before anything is sent
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        result.whenCompleteAsync((outcome, failure) -> {
            try {
                complete(exchange, operation, call, outcome, failure, started);
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }, workers);
        return false;
    }

    private CompletableFuture<OperationResult> start(ZuoraObjectsOperation operation, Message message,
                                                     CallContext call) {
        Object body = message.getBody();
        Object id = message.getHeader(ZuoraObjectsConstants.ID);
        switch (operation) {
            case CREATE:
                List<Map<String, Object>> prepared = create.prepare(body);
                return coalescing != null && prepared.size() == 1
                        ? coalescing.submit(prepared.get(0), call)
                        : create.execute(prepared, call);
            case GET:
                return records.get(id, call);
            case QUERY:
                String filter = message.getHeader(ZuoraObjectsConstants.FILTER, configuration.getFilter(),
                        String.class);
                return query.execute(filter, call);
            case UPDATE:
                return records.update(body, id, call);
            case PATCH:
                return records.patch(body, id, call);
            case DELETE:
                return id == null && BatchOperations.isList(body) ? batches.deleteAll(body, call)
                        : records.delete(id, call);
            case BATCH_UPDATE:
                return batches.batchUpdate(body, call);
            case BATCH_DELETE:
                return batches.batchDelete(body, call);
            case DESCRIBE:
                return records.describe(call);
            default:
                throw new IllegalStateException("no handler for operation " + operation);
        }
    }

    private void complete(Exchange exchange, ZuoraObjectsOperation operation, CallContext call,
                          OperationResult outcome, Throwable failure, long started) {
        Message message = exchange.getMessage();
        message.setHeader(ZuoraObjectsConstants.REQUEST_COUNT, call.requestCount());
        if (call.lastRequestId() != null) {
            message.setHeader(ZuoraObjectsConstants.REQUEST_ID, call.lastRequestId());
        }
        if (call.echoedTrackId() != null) {
            message.setHeader(ZuoraObjectsConstants.TRACK_ID, call.echoedTrackId());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.debug("{} {} failed after {} call(s) in {} ms: {}", endpoint.label(), operation, call.requestCount(),
                    millis, cause.getMessage());
            exchange.setException(cause);
            return;
        }
        logSummary(operation, call, outcome, millis);
        if (outcome.hasFailures() && configuration.isFailOnPartialFailure()) {
            exchange.setException(partialFailure(outcome));
            return;
        }
        message.setBody(outcome.body());
        if (outcome.hasFailures()) {
            message.setHeader(ZuoraObjectsConstants.FAILED_RECORDS, outcome.failed());
        } else {
            message.removeHeader(ZuoraObjectsConstants.FAILED_RECORDS);
        }
    }

    private static PartialFailureException partialFailure(OperationResult outcome) {
        if (outcome.totalRecords() == 1 && outcome.failed().size() == 1) {
            return new RecordFailedException(outcome.failed().get(0));
        }
        return new PartialFailureException(outcome.succeeded(), outcome.failed(), outcome.totalRecords());
    }

    /** INFO for a message of several records, DEBUG otherwise (a coalesced batch logs its own summary). */
    private void logSummary(ZuoraObjectsOperation operation, CallContext call, OperationResult outcome,
                            long millis) {
        if (outcome.totalRecords() > 1) {
            LOG.info("{} {}: {} records, {} succeeded, {} failed, {} call(s) in {} ms", endpoint.label(), operation,
                    outcome.totalRecords(), outcome.succeeded().size(), outcome.failed().size(),
                    call.requestCount(), millis);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: done, {} failed record(s), {} call(s) in {} ms", endpoint.label(), operation,
                    outcome.failed().size(), call.requestCount(), millis);
        }
    }

    private ZuoraObjectsOperation operationOf(Message message) {
        Object header = message.getHeader(ZuoraObjectsConstants.OPERATION);
        if (header == null) {
            return configuration.operation();
        }
        if (header instanceof ZuoraObjectsOperation operation) {
            return operation;
        }
        return ZuoraObjectsOperation.fromUriName(String.valueOf(header), "header " + ZuoraObjectsConstants.OPERATION);
    }

    private String trackIdOf(Message message) {
        String header = message.getHeader(ZuoraObjectsConstants.TRACK_ID, String.class);
        if (header != null) {
            return TrackIds.require(header, "header " + ZuoraObjectsConstants.TRACK_ID);
        }
        return configuration.getTrackId();
    }
}
