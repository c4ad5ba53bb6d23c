package io.github.camelsaas.kustomer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.component.ExchangeResult;
import io.github.camelsaas.common.component.ProducerReadinessCheck;
import io.github.camelsaas.common.component.SaasProducer;
import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.json.BodyShape;
import io.github.camelsaas.common.retry.RetryPolicy;
import io.github.camelsaas.kustomer.api.CallStats;
import io.github.camelsaas.kustomer.api.KustomerBaseUrl;
import io.github.camelsaas.kustomer.api.KustomerClient;
import io.github.camelsaas.kustomer.api.KustomerPaths;
import io.github.camelsaas.kustomer.operation.BulkWriter;
import io.github.camelsaas.kustomer.operation.CreateCoalescer;
import io.github.camelsaas.kustomer.operation.DeleteTarget;
import io.github.camelsaas.kustomer.operation.ListDelete;
import io.github.camelsaas.kustomer.operation.ListOperation;
import io.github.camelsaas.kustomer.operation.SingleRecordWriter;
import io.github.camelsaas.kustomer.operation.WriteOperation;
import io.github.camelsaas.kustomer.operation.ResourceReads;
import io.github.camelsaas.kustomer.operation.WriteTarget;

/**
 * The kustomer: producer: owns the endpoint's services for as long as it runs (its client with its retries, the
 * writers, the coalescer), resolves each message's operation and klass (headers override the endpoint), runs it and
 * answers as every producer of the project does ({@link SaasProducer}). Sets {@code CamelKustomerRequestCount},
 * {@code CamelKustomerRateLimitRemaining} and, for bulk calls, {@code CamelKustomerBulkJobIds}.
 */
public class KustomerProducer extends SaasProducer<CallStats> {

    private static final Logger LOG = LoggerFactory.getLogger(KustomerProducer.class);
    private static final Headers HEADERS = new Headers(KustomerConstants.REQUEST_COUNT,
            KustomerConstants.FAILED_RECORDS);

    private final KustomerEndpoint endpoint;
    private final KustomerConfiguration configuration;
    private KustomerClient client;
    private WriteOperation writes;
    private ResourceReads reads;
    private ListOperation lists;
    private ListDelete listDeletes;
    private CreateCoalescer coalescer;

    public KustomerProducer(KustomerEndpoint endpoint) {
        super(endpoint, HEADERS, endpoint.label(), endpoint.getConfiguration().isFailOnPartialFailure());
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public KustomerEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void startServices() {
        String apiKey = configuration.getApiKey();
        KustomerComponent component = endpoint.getComponent();
        component.secrets().register(apiKey);
        SaasRuntime runtime = component.runtime();
        String baseUrl = KustomerBaseUrl.resolve(configuration);
        String name = endpoint.label();
        client = new KustomerClient(name, baseUrl, apiKey, component.throttleFor(baseUrl, configuration, name),
                component.transportFor(configuration), runtime, RetryPolicy.withMaxRetries(configuration.getMaxRetries()));
        SingleRecordWriter singleRecordWriter = new SingleRecordWriter(client);
        BulkWriter bulkWriter = new BulkWriter(client, singleRecordWriter, configuration.getBulkSize());
        if (configuration.getBatchWindow() > 0) {
            coalescer = new CreateCoalescer(name, configuration.getBulkSize(),
                    Duration.ofMillis(configuration.getBatchWindow()), runtime.scheduler(), bulkWriter);
        }
        writes = new WriteOperation(configuration, client.json(), singleRecordWriter, bulkWriter, coalescer);
        reads = new ResourceReads(client);
        lists = new ListOperation(client, configuration.getPageSize(), configuration.isStreaming());
        listDeletes = new ListDelete(client, configuration.getBulkSize(), configuration.isBulk());
    }

    @Override
    protected void stopServices() {
        if (coalescer != null) {
            coalescer.close();
            coalescer = null;
        }
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected CallStats newCalls(Message message) {
        return new CallStats();
    }

    @Override
    protected CompletableFuture<ExchangeResult> start(Exchange exchange, CallStats stats) {
        KustomerResource resource = configuration.getResource();
        Message message = exchange.getMessage();
        String operationName = message.getHeader(KustomerConstants.OPERATION, configuration.getOperation(),
                String.class);
        KustomerOperation operation = KustomerOperation.parse(operationName, resource);
        resource.requireSupported(operation);
        String klass = null;
        if (resource == KustomerResource.kobjects) {
            klass = message.getHeader(KustomerConstants.KLASS, configuration.getKlass(), String.class);
            KustomerConfiguration.requireKlassName(String.valueOf(klass), "header " + KustomerConstants.KLASS);
        }
        if (operation == KustomerOperation.list) {
            LOG.debug("kustomer:{} list", resource);
            return lists.run(resource, klass, message, stats);
        }
        if (operation == KustomerOperation.delete) {
            Object body = recordsBody(message);
            if (BodyShape.isList(body)) {
                LOG.debug("kustomer:{} delete of a list", resource);
                return listDeletes.delete(new DeleteTarget.Of(resource, klass, stats), body);
            }
        }
        if (!operation.writesRecords()) {
            LOG.debug("kustomer:{} {}", resource, operation);
            return reads.run(operation, resource, klass, message, stats);
        }
        Object body = recordsBody(message);
        boolean single = !BodyShape.isList(body);
        List<Map<String, Object>> records = client.json().toRecords(body);
        WriteTarget target = new WriteTarget(resource, klass, pathHeader(message, KustomerConstants.CUSTOMER_ID),
                pathHeader(message, KustomerConstants.EXTERNAL_ID), pathHeader(message, KustomerConstants.EMAIL),
                pathHeader(message, KustomerConstants.ID), single, stats);
        LOG.debug("kustomer:{} {}: {} record(s)", target.describe(), operation, records.size());
        return writes.write(target, operation, records).thenApply(outcomes -> result(outcomes, single, stats));
    }

    /** The records' outcomes, with the created or updated record's id and the bulk jobs the calls answered. */
    private static ExchangeResult result(List<RecordOutcome<Object>> outcomes, boolean single, CallStats stats) {
        ExchangeResult result = ExchangeResult.ofRecords(outcomes, single);
        if (single && outcomes.get(0).isSuccess()) {
            Object value = outcomes.get(0).value();
            result.header(KustomerConstants.ID, value instanceof Map<?, ?> map && map.get("id") instanceof String id
                    ? id : null);
        }
        List<String> jobs = stats.bulkJobIds();
        return jobs.isEmpty() ? result : result.header(KustomerConstants.BULK_JOB_IDS, jobs);
    }

    /** A header whose value may go into a URL path; refused (the message fails, nothing is sent) if it cannot. */
    private static String pathHeader(Message message, String header) {
        String value = message.getHeader(header, String.class);
        return value == null ? null : KustomerPaths.requireSegment(value, "header " + header);
    }

    @Override
    protected void writeCallHeaders(Message message, CallStats stats) {
        if (stats.rateLimitRemaining() != null) {
            message.setHeader(KustomerConstants.RATE_LIMIT_REMAINING, stats.rateLimitRemaining());
        }
    }

    @Override
    protected RuntimeException authenticationFailure(RuntimeException failure, PartialFailureException outcomes) {
        return failure instanceof KustomerAuthenticationException refused ? refused.withCause(outcomes) : failure;
    }

    @Override
    protected RecordFailedException invalidRecord(FailedRecord failed) {
        return new KustomerValidationException(failed);
    }

    @Override
    protected ProducerReadinessCheck newHealthCheck() {
        return new KustomerProducerHealthCheck(endpoint, client);
    }
}
