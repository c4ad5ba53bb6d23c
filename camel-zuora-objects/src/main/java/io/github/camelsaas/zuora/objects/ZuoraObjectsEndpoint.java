package io.github.camelsaas.zuora.objects;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Writes and reads Zuora custom object records, batched and throttled. Its producer owns its services (API,
 * operations, coalescer); the tenant's token and limits belong to the component.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "zuora-objects", title = "Zuora Custom Objects",
             syntax = "zuora-objects:object", category = { Category.SAAS, Category.API }, producerOnly = true,
             headersClass = ZuoraObjectsConstants.class)
public class ZuoraObjectsEndpoint extends DefaultEndpoint {

    @UriParam
    private ZuoraObjectsConfiguration configuration;

    public ZuoraObjectsEndpoint(String uri, ZuoraObjectsComponent component, ZuoraObjectsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new ZuoraObjectsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The zuora-objects: component is producer-only");
    }

    @Override
    public ZuoraObjectsComponent getComponent() {
        return (ZuoraObjectsComponent) super.getComponent();
    }

    public ZuoraObjectsConfiguration getConfiguration() {
        return configuration;
    }

    /** {@code zuora-objects:Object}: how logs name this endpoint, without options (they may hold credentials). */
    String label() {
        return "zuora-objects:" + configuration.getObject();
    }
}
