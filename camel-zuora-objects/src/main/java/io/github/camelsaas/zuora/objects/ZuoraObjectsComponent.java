package io.github.camelsaas.zuora.objects;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.zuora.objects.api.TenantKey;
import io.github.camelsaas.zuora.objects.api.TransportPool;
import io.github.camelsaas.zuora.objects.api.TransportSettings;
import io.github.camelsaas.zuora.objects.api.ZuoraTenant;

/**
 * The {@code zuora-objects:} component: writes and reads Zuora custom object records. It owns what its endpoints
 * share: the runtime (HTTP transports, scheduler, workers, secret registry) and one {@link ZuoraTenant} per base
 * URL and credentials, so endpoints acting for the same tenant share its token and its limits.
 */
@Component("zuora-objects")
public class ZuoraObjectsComponent extends HealthCheckComponent {

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private ZuoraObjectsConfiguration configuration = new ZuoraObjectsConfiguration();

    private final Map<TenantKey, ZuoraTenant> tenants = new HashMap<>();
    private SaasRuntime runtime;
    private TransportPool transports;

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
    protected void doStart() throws Exception {
        super.doStart();
        TransportSettings settings = TransportSettings.of(configuration);
        runtime = SaasRuntime.start(getCamelContext(), this, "zuora-objects",
                settings.toOptions(getCamelContext()), new SecretRegistry());
        transports = new TransportPool(runtime, settings, getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        // first the tenants, so every call waiting for a slot, a permit or a token fails with a clear error,
        // then the transports and threads those calls would have used
        synchronized (this) {
            tenants.values().forEach(ZuoraTenant::close);
            tenants.clear();
        }
        if (transports != null) {
            transports.close();
            transports = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        super.doStop();
    }

    /** The runtime shared by this component's endpoints. @throws IllegalStateException before start */
    SaasRuntime runtime() {
        SaasRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("The zuora-objects component is not started");
        }
        return current;
    }

    /** The tenant an endpoint acts for, made on first use with that endpoint's throttling options. */
    synchronized ZuoraTenant tenantFor(ZuoraObjectsConfiguration endpointConfiguration, String endpointName) {
        TenantKey key = ZuoraTenant.keyOf(endpointConfiguration);
        ZuoraTenant tenant = tenants.get(key);
        if (tenant == null) {
            tenant = ZuoraTenant.create(endpointConfiguration, runtime(), transportFor(endpointConfiguration));
            tenants.put(key, tenant);
        } else {
            tenant.requireSameSettings(endpointConfiguration, endpointName);
        }
        return tenant;
    }

    /** The transport for an endpoint's connection settings. */
    HttpTransport transportFor(ZuoraObjectsConfiguration endpointConfiguration) {
        runtime();
        return transports.transportFor(TransportSettings.of(endpointConfiguration));
    }

    public ZuoraObjectsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZuoraObjectsConfiguration configuration) {
        this.configuration = configuration;
    }
}
