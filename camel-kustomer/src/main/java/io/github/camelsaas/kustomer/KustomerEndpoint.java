package io.github.camelsaas.kustomer;

import java.time.Duration;

import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.retry.RetryPolicy;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Writes and reads Kustomer resources, with client-side rate limiting and bulk batching. The endpoint owns what its
 * producers share: its client (concurrency cap and retries), its writers and the optional create coalescer; the org's
 * rate limits belong to the component.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kustomer", title = "Kustomer", syntax = "kustomer:resource",
             category = { Category.SAAS, Category.API }, producerOnly = true, headersClass = KustomerConstants.class)
public class KustomerEndpoint extends DefaultEndpoint {

    @UriParam
    private KustomerConfiguration configuration;

    private KustomerClient client;
    private RecordWrites writes;
    private ResourceReads reads;
    private CreateCoalescer coalescer;

    public KustomerEndpoint(String uri, KustomerComponent component, KustomerConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public KustomerComponent getComponent() {
        return (KustomerComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new KustomerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The kustomer: component is producer-only");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        String apiKey = configuration.getApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("The kustomer endpoint " + getEndpointBaseUri() + " needs an apiKey "
                    + "(option apiKey on the endpoint or the component)");
        }
        KustomerComponent component = getComponent();
        // Camel starts the processors inside a split or multicast while it initializes routes, before it starts
        // components: start ours now (idempotent) so its runtime exists
        ServiceHelper.startService(component);
        component.secrets().register(apiKey);
        SaasRuntime runtime = component.runtime();
        String baseUrl = KustomerBaseUrl.resolve(configuration);
        String name = "kustomer:" + configuration.getResource();
        client = new KustomerClient(name, baseUrl, apiKey, component.throttleFor(baseUrl, configuration), runtime,
                configuration.getMaxConcurrentRequests(), RetryPolicy.withMaxRetries(configuration.getMaxRetries()));
        RecordWriter recordWriter = new RecordWriter(client);
        BulkWriter bulkWriter = new BulkWriter(client, recordWriter, configuration.getBulkSize());
        if (configuration.getBatchWindow() > 0) {
            coalescer = new CreateCoalescer(name, configuration.getBulkSize(),
                    Duration.ofMillis(configuration.getBatchWindow()), runtime.scheduler(), bulkWriter);
        }
        writes = new RecordWrites(configuration, client.json(), recordWriter, bulkWriter, coalescer);
        reads = new ResourceReads(client);
    }

    /**
     * Fails whatever still waits (a coalescing window, a concurrency slot, a retry) with a clear StoppedException;
     * calls already sent finish or are failed when the component closes the HTTP client.
     */
    @Override
    protected void doStop() throws Exception {
        if (coalescer != null) {
            coalescer.close();
            coalescer = null;
        }
        if (client != null) {
            client.close();
        }
        super.doStop();
    }

    public KustomerConfiguration getConfiguration() {
        return configuration;
    }

    KustomerClient client() {
        return requireStarted(client);
    }

    RecordWrites writes() {
        return requireStarted(writes);
    }

    ResourceReads reads() {
        return requireStarted(reads);
    }

    private <T> T requireStarted(T service) {
        if (service == null) {
            throw new IllegalStateException("The kustomer endpoint " + getEndpointBaseUri() + " is not started");
        }
        return service;
    }
}
