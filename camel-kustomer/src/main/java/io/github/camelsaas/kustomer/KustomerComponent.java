package io.github.camelsaas.kustomer;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.component.SaasComponent;
import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.component.SharedAccounts;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.TransportSettings;
import io.github.camelsaas.kustomer.api.OrgThrottle;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code kustomer:} component: writes and reads Kustomer resources (KObjects, customers, companies,
 * conversations, messages, notes). Besides what every component of the project runs on ({@link SaasComponent}:
 * rate-limit backend, runtime, transports), it owns one {@link OrgThrottle} per org, so endpoints talking to the same
 * org share its limits and its cap on calls in flight.
 */
@Component("kustomer")
public class KustomerComponent extends SaasComponent {

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private KustomerConfiguration configuration = new KustomerConfiguration();

    private final SharedAccounts<String, OrgThrottle.Settings, OrgThrottle> orgs = new SharedAccounts<>(
            "Kustomer org", "set requestsPerMinute, customerCreatesPerMinute, rateLimitWindow and maxConcurrentRequests "
                            + "on the component (or the same on every endpoint of that org)");

    public KustomerComponent() {
        super("kustomer");
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KustomerConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setResource(KustomerResource.fromUriPath(remaining));
        KustomerEndpoint endpoint = new KustomerEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        secrets().register(configuration.getApiKey());
        super.doStart();
    }

    @Override
    protected TransportSettings componentTransportSettings() {
        return configuration.transportSettings();
    }

    @Override
    protected void closeAccounts() {
        orgs.close();
    }

    /** The transport for an endpoint's connection options. */
    HttpTransport transportFor(KustomerConfiguration endpointConfiguration) {
        return transportFor(endpointConfiguration.transportSettings());
    }

    /**
     * The limits of the org an endpoint talks to, shared by every endpoint of this component that talks to it (see
     * {@link SharedAccounts} for an endpoint asking for other limits).
     */
    OrgThrottle throttleFor(String baseUrl, KustomerConfiguration endpointConfiguration, String endpoint) {
        SaasRuntime running = runtime();
        return orgs.get(baseUrl, baseUrl, OrgThrottle.Settings.of(endpointConfiguration), endpoint,
                () -> new OrgThrottle(baseUrl, OrgThrottle.Settings.of(endpointConfiguration),
                        rateLimitBackendInUse(), running.scheduler(), running.workers(),
                        transportFor(endpointConfiguration).options().inFlightBound()));
    }

    /** The orgs this component's endpoints talk to, with their limits in force. */
    List<OrgThrottle> orgThrottles() {
        return orgs.accounts();
    }

    public KustomerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KustomerConfiguration configuration) {
        this.configuration = configuration;
    }
}
