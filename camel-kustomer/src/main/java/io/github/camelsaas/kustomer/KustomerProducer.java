package io.github.camelsaas.kustomer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.common.failure.RecordOutcome;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one exchange: resolves the operation and klass (headers override the endpoint), turns the body into records,
 * writes or reads, and completes the exchange on the component's workers. No Camel thread waits for a rate limit or
 * an answer.
 */
public class KustomerProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(KustomerProducer.class);

    private final KustomerEndpoint endpoint;
    private WritableHealthCheckRepository healthCheckRepository;
    private KustomerProducerHealthCheck healthCheck;

    public KustomerProducer(KustomerEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public KustomerEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CallStats stats = new CallStats();
        CompletableFuture<ExchangeOutcome> work;
        try {
            work = start(exchange, stats);
        } catch (RuntimeException e) {
            // a bad header or body: fails before any request is sent
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenCompleteAsync((outcome, failure) -> {
            try {
                complete(exchange, stats, outcome, failure);
            } finally {
                callback.done(false);
            }
        }, endpoint.client().workers());
        return false;
    }

    private CompletableFuture<ExchangeOutcome> start(Exchange exchange, CallStats stats) {
        KustomerConfiguration configuration = endpoint.getConfiguration();
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
        if (!operation.writesRecords()) {
            LOG.debug("kustomer:{} {}", resource, operation);
            return endpoint.reads().run(operation, resource, klass, message, stats);
        }
        Object body = message.getBody();
        if (body instanceof InputStream) {
            body = message.getBody(byte[].class);
        }
        boolean single = !isList(body);
        List<Map<String, Object>> records = endpoint.client().json().toRecords(body);
        WriteTarget target = new WriteTarget(resource, klass, pathHeader(message, KustomerConstants.CUSTOMER_ID),
                pathHeader(message, KustomerConstants.EXTERNAL_ID), pathHeader(message, KustomerConstants.EMAIL),
                pathHeader(message, KustomerConstants.ID), single, stats);
        LOG.debug("kustomer:{} {}: {} record(s)", target.describe(), operation, records.size());
        return endpoint.writes().write(target, operation, records)
                .thenApply(result -> finish(target, operation, result));
    }

    /** A header whose value may go into a URL path; refused (the message fails, nothing is sent) if it cannot. */
    private static String pathHeader(Message message, String header) {
        String value = message.getHeader(header, String.class);
        return value == null ? null : KustomerPaths.requireSegment(value, "header " + header);
    }

    /** Whether the body holds a list of records (even of one) rather than a single record. */
    private static boolean isList(Object body) {
        if (body instanceof byte[] bytes) {
            return startsWithBracket(new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8));
        }
        if (body instanceof CharSequence text) {
            return startsWithBracket(text);
        }
        if (body instanceof JsonNode node) {
            return node.isArray();
        }
        return body instanceof Iterable || body instanceof Iterator
                || (body != null && body.getClass().isArray());
    }

    private static boolean startsWithBracket(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '[';
            }
        }
        return false;
    }

    private ExchangeOutcome finish(WriteTarget target, KustomerOperation operation, RecordWrites.Result result) {
        List<RecordOutcome<Object>> outcomes = result.outcomes();
        List<FailedRecord> failed = outcomes.stream().filter(RecordOutcome::isFailure)
                .map(RecordOutcome::failedRecord).toList();
        List<Object> succeeded = outcomes.stream().filter(RecordOutcome::isSuccess).map(RecordOutcome::value)
                .toList();
        CallStats stats = target.stats();
        if (!target.singleRecord()) {
            LOG.info("kustomer:{} {}: {} records, {} succeeded, {} failed ({} invalid), {} calls, {} ms",
                    target.describe(), operation, outcomes.size(), succeeded.size(), failed.size(),
                    result.invalid().cardinality(), stats.requests(), stats.elapsedMillis());
        }
        KustomerAuthenticationException unauthorized = stats.unauthorized();
        if (unauthorized != null) {
            throw unauthorized.withCause(failed.isEmpty() || target.singleRecord() ? null
                    : new PartialFailureException(succeeded, failed, outcomes.size()));
        }
        if (target.singleRecord()) {
            RecordOutcome<Object> outcome = outcomes.get(0);
            if (outcome.isFailure()) {
                throw result.invalid().get(0) ? new KustomerValidationException(outcome.failedRecord())
                        : new RecordFailedException(outcome.failedRecord());
            }
            Object value = outcome.value();
            return withBulkJobs(ExchangeOutcome.of(value).header(KustomerConstants.ID,
                    value instanceof Map<?, ?> map && map.get("id") instanceof String id ? id : null), stats);
        }
        ExchangeOutcome exchangeOutcome = ExchangeOutcome.of(succeeded);
        if (!failed.isEmpty() && endpoint.getConfiguration().isFailOnPartialFailure()) {
            throw new PartialFailureException(succeeded, failed, outcomes.size());
        }
        if (!endpoint.getConfiguration().isFailOnPartialFailure()) {
            exchangeOutcome.header(KustomerConstants.FAILED_RECORDS, failed);
        }
        return withBulkJobs(exchangeOutcome, stats);
    }

    /** The bulk jobs the calls answered (a list body, or a record coalesced into a bulk call). */
    private static ExchangeOutcome withBulkJobs(ExchangeOutcome outcome, CallStats stats) {
        List<String> jobs = stats.bulkJobIds();
        return jobs.isEmpty() ? outcome : outcome.header(KustomerConstants.BULK_JOB_IDS, jobs);
    }

    private static void complete(Exchange exchange, CallStats stats, ExchangeOutcome outcome, Throwable failure) {
        Message message = exchange.getMessage();
        message.setHeader(KustomerConstants.REQUEST_COUNT, stats.requests());
        if (stats.rateLimitRemaining() != null) {
            message.setHeader(KustomerConstants.RATE_LIMIT_REMAINING, stats.rateLimitRemaining());
        }
        if (failure != null) {
            exchange.setException(FutureFailures.unwrap(failure));
            return;
        }
        message.setBody(outcome.body());
        outcome.headers().forEach((name, value) -> {
            if (value == null) {
                message.removeHeader(name);
            } else {
                message.setHeader(name, value);
            }
        });
    }

    /** Registers the producer health check when Camel has a producers repository (health checks are opt-in). */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new KustomerProducerHealthCheck(endpoint);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }
}
