package io.github.camelsaas.common.component;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.async.FutureFailures;
import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.failure.RecordFailedException;
import io.github.camelsaas.common.failure.RecordOutcome;
import io.github.camelsaas.common.failure.RecordValidationException;

/**
 * The producer both components share. Asynchronous end to end: {@link #process} reads the message and starts the
 * operation ({@link #start}); a bad header or body fails the exchange at once, before anything is sent; otherwise
 * the exchange completes on the component's workers when every call is answered, so no Camel thread waits for a
 * rate limit, a slot or an answer. Then, the same on both components:
 * <ul>
 * <li>the request-count header, and the component's own headers ({@link #writeCallHeaders});</li>
 * <li>an authentication failure fails the exchange with the component's authentication exception (its cause, for a
 * list body, the records' outcomes), so {@code onException} on that class always fires;</li>
 * <li>a single record (a body that is no list) answers its result as the body, or fails with a
 * {@link RecordFailedException} ({@link RecordValidationException} when it was invalid and not sent);</li>
 * <li>a list answers the successful results in input order; failed records fail the exchange with a
 * {@link PartialFailureException} ({@code failOnPartialFailure=true}) or are set in the failed-records header
 * (an empty list when none failed).</li>
 * </ul>
 * Registers the producer's readiness check when Camel has a producers health-check repository.
 */
public abstract class SaasProducer<C extends ExchangeCalls> extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(SaasProducer.class);

    /** The component's header names for what every exchange reports. */
    public record Headers(String requestCount, String failedRecords) {
    }

    private final Headers headers;
    private final String label;
    private final boolean failOnPartialFailure;
    private volatile Executor workers;
    private WritableHealthCheckRepository healthCheckRepository;
    private ProducerReadinessCheck healthCheck;

    /**
     * @param endpoint             an endpoint of a {@link SaasComponent}, whose workers complete the exchanges
     * @param label                how logs name the endpoint, without its options (they may hold credentials)
     * @param failOnPartialFailure the endpoint's option: failed records of a list fail the exchange
     */
    protected SaasProducer(Endpoint endpoint, Headers headers, String label, boolean failOnPartialFailure) {
        super(endpoint);
        this.headers = headers;
        this.label = label;
        this.failOnPartialFailure = failOnPartialFailure;
    }

    /** A fresh context for one exchange's calls. @throws RuntimeException for a bad header: nothing is sent */
    protected abstract C newCalls(Message message);

    /**
     * Starts the exchange's operation.
     *
     * @throws RuntimeException for a bad header or body (the exchange fails, nothing is sent)
     */
    protected abstract CompletableFuture<ExchangeResult> start(Exchange exchange, C calls);

    /** The readiness check to register, or null for none. */
    protected abstract ProducerReadinessCheck newHealthCheck();

    /** Headers of the component's own (ids, rate-limit state), set whether the exchange succeeded or not. */
    protected void writeCallHeaders(Message message, C calls) {
    }

    /**
     * The authentication failure an exchange fails with, with the records' outcomes as its cause (null when there
     * are none to report); by default the failure itself.
     */
    protected RuntimeException authenticationFailure(RuntimeException failure, PartialFailureException outcomes) {
        return failure;
    }

    /** The exception a single invalid record fails with. */
    protected RecordFailedException invalidRecord(FailedRecord failed) {
        return new RecordValidationException(failed);
    }

    /**
     * The message's body as records are read from it: a stream (Camel's stream caching hands bodies over as one) is
     * read into bytes first, so that its shape (a JSON array or one object) can be told, and it is read once.
     */
    protected static Object recordsBody(Message message) {
        Object body = message.getBody();
        return body instanceof InputStream ? message.getBody(byte[].class) : body;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        C calls;
        CompletableFuture<ExchangeResult> work;
        try {
            calls = newCalls(exchange.getMessage());
            work = start(exchange, calls);
        } catch (RuntimeException e) {
            // a bad header or body: fails before any request is sent
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenCompleteAsync((result, failure) -> {
            try {
                complete(exchange, calls, result, failure);
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }, workers);
        return false;
    }

    private void complete(Exchange exchange, C calls, ExchangeResult result, Throwable failure) {
        Message message = exchange.getMessage();
        message.setHeader(headers.requestCount(), calls.requestCount());
        writeCallHeaders(message, calls);
        if (failure != null) {
            Throwable cause = FutureFailures.unwrap(failure);
            LOG.debug("{} failed after {} call(s) in {} ms: {}", label, calls.requestCount(), calls.elapsedMillis(),
                    cause.getMessage());
            exchange.setException(cause);
            return;
        }
        Object body = result.isAboutRecords() ? answerOfRecords(result, calls) : result.body();
        message.setBody(body);
        result.headers().forEach((name, value) -> {
            if (value == null) {
                message.removeHeader(name);
            } else {
                message.setHeader(name, value);
            }
        });
    }

    /** The body of a record operation, or the exception it fails with. */
    private Object answerOfRecords(ExchangeResult result, C calls) {
        List<FailedRecord> failed = result.failed();
        List<Object> succeeded = result.succeeded();
        int total = result.outcomes().size();
        if (!result.singleRecord()) {
            LOG.info("{}: {} records, {} succeeded, {} failed, {} call(s) in {} ms", label, total, succeeded.size(),
                    failed.size(), calls.requestCount(), calls.elapsedMillis());
        }
        RuntimeException unauthorized = calls.authenticationFailure();
        if (unauthorized != null) {
            throw authenticationFailure(unauthorized, failed.isEmpty() || result.singleRecord() ? null
                    : new PartialFailureException(succeeded, failed, total));
        }
        if (result.singleRecord()) {
            RecordOutcome<?> outcome = result.outcomes().get(0);
            if (outcome.isFailure()) {
                throw outcome.failedRecord().validationFailure() ? invalidRecord(outcome.failedRecord())
                        : new RecordFailedException(outcome.failedRecord());
            }
            return outcome.value();
        }
        if (failOnPartialFailure) {
            if (!failed.isEmpty()) {
                throw new PartialFailureException(succeeded, failed, total);
            }
            // a header an earlier endpoint of the route set must not read as this one's
            result.header(headers.failedRecords(), null);
        } else {
            result.header(headers.failedRecords(), failed);
        }
        return result.hasRecordsBody() ? result.recordsBody() : succeeded;
    }

    /**
     * Builds what this producer's exchanges run on (the endpoint's API client, operations, coalescer), once the
     * component runs.
     */
    protected abstract void startServices();

    /**
     * Makes sure nothing of this producer is sent any more: what waits here (a coalescing window, a retry) fails at
     * once with a clear StoppedException, a call waiting for the account's shared slot or permit when that wait ends;
     * calls in flight finish.
     */
    protected abstract void stopServices();

    @Override
    protected final void doStart() throws Exception {
        super.doStart();
        // Camel starts the processors inside a split or multicast while it initializes routes, before it starts
        // components: start ours now (idempotent) so its runtime exists
        SaasComponent component = (SaasComponent) getEndpoint().getComponent();
        ServiceHelper.startService(component);
        // exchanges complete on the component's workers, never on an HTTP I/O thread
        workers = component.runtime().workers();
        startServices();
        // camel-health is optional: without it (or with producer checks off) there is no repository
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = newHealthCheck();
            if (healthCheck != null) {
                healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
                healthCheckRepository.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected final void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        stopServices();
        super.doStop();
    }
}
