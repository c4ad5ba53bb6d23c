package io.github.camelsaas.zuora.objects;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.common.component.ProducerReadinessCheck;
import io.github.camelsaas.common.component.SaasProducer;
import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.json.BodyShape;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryPolicy;
import io.github.camelsaas.zuora.objects.api.CallContext;
import io.github.camelsaas.zuora.objects.api.TrackIds;
import io.github.camelsaas.zuora.objects.api.ZuoraApi;
import io.github.camelsaas.zuora.objects.api.ZuoraTenant;
import io.github.camelsaas.zuora.objects.operation.BatchOperations;
import io.github.camelsaas.zuora.objects.operation.CreateCoalescer;
import io.github.camelsaas.zuora.objects.operation.CreateOperation;
import io.github.camelsaas.zuora.objects.operation.DefinitionOperations;
import io.github.camelsaas.zuora.objects.operation.QueryOperation;
import io.github.camelsaas.zuora.objects.operation.RecordOperations;
import io.github.camelsaas.zuora.objects.record.RecordRules;

/**
 * The zuora-objects: producer: owns the endpoint's services for as long as it runs (its API with its retries,
 * the operations, the coalescer), resolves each message's operation (the header overrides the endpoint), runs it
 * and answers as every producer of the project does ({@link SaasProducer}). Sets
 * {@code CamelZuoraObjectsRequestCount}, {@code CamelZuoraObjectsRequestId} and the echoed
 * {@code CamelZuoraObjectsTrackId} on the way out.
 */
public class ZuoraObjectsProducer extends SaasProducer<CallContext> {

    private static final Headers HEADERS = new Headers(ZuoraObjectsConstants.REQUEST_COUNT,
            ZuoraObjectsConstants.FAILED_RECORDS);

    private final ZuoraObjectsEndpoint endpoint;
    private final ZuoraObjectsConfiguration configuration;
    private ZuoraTenant tenant;
    private ZuoraApi api;
    private CreateOperation create;
    private CreateCoalescer coalescer;
    private QueryOperation query;
    private RecordOperations records;
    private BatchOperations batches;
    private DefinitionOperations definitions;

    public ZuoraObjectsProducer(ZuoraObjectsEndpoint endpoint) {
        super(endpoint, HEADERS, endpoint.label(), endpoint.getConfiguration().isFailOnPartialFailure());
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public ZuoraObjectsEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void startServices() {
        ZuoraObjectsComponent component = endpoint.getComponent();
        SaasRuntime runtime = component.runtime();
        String name = endpoint.label();
        tenant = component.tenantFor(configuration, name);
        RetryPolicy retryPolicy = RetryPolicy.withMaxRetries(configuration.getMaxRetries());
        api = new ZuoraApi(tenant, component.transportFor(configuration), new Retrier(name, retryPolicy,
                runtime.scheduler()), configuration, runtime.workers(), runtime.json(), runtime.secrets());
        RecordRules rules = new RecordRules(configuration.emptyStrings());
        String object = configuration.getObject();
        create = new CreateOperation(api, object, configuration.isAllowPartialSuccess(), configuration.getBatchSize(),
                rules, new Retrier(name + " record retries", retryPolicy, runtime.scheduler()));
        if (configuration.getBatchWindow() > 0) {
            coalescer = new CreateCoalescer(name, create, configuration.getBatchSize(),
                    Duration.ofMillis(configuration.getBatchWindow()), runtime.scheduler(), runtime.secrets());
        }
        query = new QueryOperation(api, object, configuration.getPageSize(), configuration.getMaxRecords(),
                configuration.isStreaming());
        records = new RecordOperations(api, object, rules);
        batches = new BatchOperations(api, object, configuration.isAllowPartialSuccess(), configuration.getBatchSize(),
                rules);
        definitions = new DefinitionOperations(api, object);
    }

    @Override
    protected void stopServices() {
        if (coalescer != null) {
            coalescer.close();
            coalescer = null;
        }
        if (create != null) {
            create.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Override
    protected CallContext newCalls(Message message) {
        return new CallContext(trackIdOf(message));
    }

    @Override
    protected CompletableFuture<ExchangeResult> start(Exchange exchange, CallContext call) {
        Message message = exchange.getMessage();
        ZuoraObjectsOperation operation = operationOf(message);
        Object body = recordsBody(message);
        Object id = message.getHeader(ZuoraObjectsConstants.ID);
        switch (operation) {
            case create:
                return create(body, call);
            case get:
                return records.get(id, call);
            case query:
                String filter = message.getHeader(ZuoraObjectsConstants.FILTER, configuration.getFilter(),
                        String.class);
                return query.execute(filter, call);
            case update:
                return records.update(body, id, call);
            case patch:
                return records.patch(body, id, call);
            case delete:
                return id == null && BodyShape.isList(body) ? batches.deleteAll(body, call)
                        : records.delete(id, call);
            case batchUpdate:
                return batches.batchUpdate(body, call);
            case batchDelete:
                return batches.batchDelete(body, call);
            case describe:
                return definitions.describe(call);
            case listDefinitions:
                return definitions.list(call);
            case createDefinitions:
                return definitions.create(body, call);
            default:
                throw new IllegalStateException("no handler for operation " + operation);
        }
    }

    private CompletableFuture<ExchangeResult> create(Object body, CallContext call) {
        boolean single = !BodyShape.isList(body);
        RecordRules.Checked records = create.prepare(body);
        if (single && records.total() != 1) {
            // a body read as one record always holds one: anything else is a defect, never a lost record
            throw new IllegalStateException("a single-record body held " + records.total() + " records");
        }
        if (coalescer != null && single && records.invalid().isEmpty()) {
            return coalescer.submit(records.valid().get(0), call)
                    .thenApply(outcome -> ExchangeResult.ofRecords(List.of(outcome), true));
        }
        return create.execute(records, call).thenApply(outcomes -> ExchangeResult.ofRecords(outcomes, single));
    }

    @Override
    protected void writeCallHeaders(Message message, CallContext call) {
        if (call.lastRequestId() != null) {
            message.setHeader(ZuoraObjectsConstants.REQUEST_ID, call.lastRequestId());
        }
        if (call.echoedTrackId() != null) {
            message.setHeader(ZuoraObjectsConstants.TRACK_ID, call.echoedTrackId());
        }
    }

    @Override
    protected RuntimeException authenticationFailure(RuntimeException failure, PartialFailureException outcomes) {
        return outcomes == null || !(failure instanceof ZuoraAuthenticationException refused) ? failure
                : refused.withCause(outcomes);
    }

    @Override
    protected ProducerReadinessCheck newHealthCheck() {
        return new ZuoraObjectsProducerHealthCheck("producer:zuora-objects-" + configuration.getObject() + "-"
                + endpoint.getId(), tenant.key().label(), tenant.tokens(),
                configuration.getConnectTimeout() + configuration.getResponseTimeout());
    }

    private ZuoraObjectsOperation operationOf(Message message) {
        Object header = message.getHeader(ZuoraObjectsConstants.OPERATION);
        if (header == null) {
            return configuration.operation();
        }
        if (header instanceof ZuoraObjectsOperation operation) {
            return operation;
        }
        return ZuoraObjectsOperation.parse(String.valueOf(header), "header " + ZuoraObjectsConstants.OPERATION);
    }

    private String trackIdOf(Message message) {
        String header = message.getHeader(ZuoraObjectsConstants.TRACK_ID, String.class);
        if (header != null) {
            return TrackIds.require(header, "header " + ZuoraObjectsConstants.TRACK_ID);
        }
        return configuration.getTrackId();
    }
}
