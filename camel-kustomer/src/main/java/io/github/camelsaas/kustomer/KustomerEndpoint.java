package io.github.camelsaas.kustomer;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/** Writes and reads Kustomer resources, with client-side rate limiting and bulk batching. */
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
    public Producer createProducer() {
        return new KustomerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The kustomer: component is producer-only");
    }

    public KustomerConfiguration getConfiguration() {
        return configuration;
    }
}
