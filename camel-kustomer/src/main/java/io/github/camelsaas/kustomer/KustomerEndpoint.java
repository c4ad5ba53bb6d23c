package io.github.camelsaas.kustomer;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Writes and reads Kustomer resources, with client-side rate limiting and bulk batching. Its producer owns its
 * services (client, writers, coalescer); the org's rate limits and concurrency cap belong to the component.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kustomer", title = "Kustomer", syntax = "kustomer:resource",
             category = { Category.SAAS, Category.API }, producerOnly = true, headersClass = KustomerConstants.class)
public class KustomerEndpoint extends DefaultEndpoint {

    @UriParam
    private KustomerConfiguration configuration;

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

    /** Refuses an endpoint without an API key when it starts, before any producer is made. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        String apiKey = configuration.getApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("The kustomer endpoint " + getEndpointBaseUri() + " needs an apiKey "
                    + "(option apiKey on the endpoint or the component)");
        }
    }

    public KustomerConfiguration getConfiguration() {
        return configuration;
    }

    /** {@code kustomer:resource}: how logs name this endpoint, without options (they may hold credentials). */
    String label() {
        return "kustomer:" + configuration.getResource();
    }
}
