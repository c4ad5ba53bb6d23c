package io.github.camelsaas.zuora.objects;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code zuora-objects:} component: writes and reads Zuora custom object records. */
@Component("zuora-objects")
public class ZuoraObjectsComponent extends HealthCheckComponent {

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private ZuoraObjectsConfiguration configuration = new ZuoraObjectsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ZuoraObjectsConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setObject(ObjectName.require(remaining));
        ZuoraObjectsEndpoint endpoint = new ZuoraObjectsEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public ZuoraObjectsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZuoraObjectsConfiguration configuration) {
        this.configuration = configuration;
    }
}
