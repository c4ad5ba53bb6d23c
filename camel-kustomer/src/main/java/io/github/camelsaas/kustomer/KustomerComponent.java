package io.github.camelsaas.kustomer;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code kustomer:} component: writes and reads Kustomer resources (KObjects, customers, companies,
 * conversations, messages, notes).
 */
@Component("kustomer")
public class KustomerComponent extends HealthCheckComponent {

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private KustomerConfiguration configuration = new KustomerConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KustomerConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setResource(KustomerResource.fromUriPath(remaining));
        KustomerEndpoint endpoint = new KustomerEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public KustomerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KustomerConfiguration configuration) {
        this.configuration = configuration;
    }
}
