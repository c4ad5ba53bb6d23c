package io.github.camelsaas.zuora.objects;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import io.github.camelsaas.common.component.SaasComponent;
import io.github.camelsaas.common.component.SharedAccounts;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.TransportSettings;
import io.github.camelsaas.zuora.objects.api.TenantKey;
import io.github.camelsaas.zuora.objects.api.ZuoraTenant;

/**
 * The {@code zuora-objects:} component: writes and reads Zuora custom object records. Besides what every component
 * of the project runs on ({@link SaasComponent}: rate-limit backend, runtime, transports), it owns one
 * {@link ZuoraTenant} per base URL and credentials, so endpoints acting for the same tenant share its token and its
 * limits.
 */
@Component("zuora-objects")
public class ZuoraObjectsComponent extends SaasComponent {

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private ZuoraObjectsConfiguration configuration = new ZuoraObjectsConfiguration();

    private final SharedAccounts<TenantKey, ZuoraTenant.Settings, ZuoraTenant> tenants = new SharedAccounts<>(
            "Zuora tenant", "set maxConcurrentRequests, requestsPerMinute, rateLimitWindow and tokenRefreshMargin on "
                            + "the component (or the same on every endpoint of that tenant)");

    public ZuoraObjectsComponent() {
        super("zuora-objects");
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ZuoraObjectsConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setObject(ObjectName.require(remaining));
        ZuoraObjectsEndpoint endpoint = new ZuoraObjectsEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        ZuoraObjectsConfigurationCheck.validate(endpointConfiguration);
        return endpoint;
    }

    @Override
    protected TransportSettings componentTransportSettings() {
        return configuration.transportSettings();
    }

    @Override
    protected void closeAccounts() {
        tenants.close();
    }

    /** The tenant an endpoint acts for, made on first use with that endpoint's throttling options. */
    ZuoraTenant tenantFor(ZuoraObjectsConfiguration endpointConfiguration, String endpointName) {
        TenantKey key = ZuoraTenant.keyOf(endpointConfiguration);
        return tenants.get(key, key.label(), ZuoraTenant.Settings.of(endpointConfiguration), endpointName,
                () -> ZuoraTenant.create(endpointConfiguration, runtime(), transportFor(endpointConfiguration),
                        rateLimitBackendInUse()));
    }

    /** The transport for an endpoint's connection options. */
    HttpTransport transportFor(ZuoraObjectsConfiguration endpointConfiguration) {
        return transportFor(endpointConfiguration.transportSettings());
    }

    public ZuoraObjectsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZuoraObjectsConfiguration configuration) {
        this.configuration = configuration;
    }
}
