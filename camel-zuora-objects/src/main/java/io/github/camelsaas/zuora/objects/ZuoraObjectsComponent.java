package io.github.camelsaas.zuora.objects;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.component.SharedAccounts;
import io.github.camelsaas.common.component.TransportPool;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.TransportSettings;
import io.github.camelsaas.common.ratelimit.ComponentRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.zuora.objects.api.TenantKey;
import io.github.camelsaas.zuora.objects.api.ZuoraTenant;

/**
 * The {@code zuora-objects:} component: writes and reads Zuora custom object records. It owns what its endpoints
 * share: the runtime (HTTP transports, scheduler, workers, secret registry) and one {@link ZuoraTenant} per base
 * URL and credentials, so endpoints acting for the same tenant share its token and its limits.
 */
@Component("zuora-objects")
public class ZuoraObjectsComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(ZuoraObjectsComponent.class);

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private ZuoraObjectsConfiguration configuration = new ZuoraObjectsConfiguration();

    @Metadata(label = "throttling", autowired = true,
              description = "Where each tenant's rate limit (requestsPerMinute) and the pauses Zuora asks for (429, "
                            + "RateLimit-Remaining: 0) are kept: in this JVM by default. A shared store (a "
                            + "RateLimitBackend bean, e.g. a RedisRateLimitBackend, referenced as #name or autowired "
                            + "when the registry holds exactly one) lets several JVMs keep them together. The bean's "
                            + "owner closes it.")
    private RateLimitBackend rateLimitBackend;

    @Metadata(label = "throttling", secret = true,
              description = "A Redis server that holds each tenant's rate limit and pauses, so that every replica "
                            + "of the application keeps them together: a redis:// URI with host, port, database and "
                            + "an optional password (e.g. redis://redis:6379/0), rediss:// for TLS, or "
                            + "redis-sentinel://. The component connects when it starts and "
                            + "closes the connection when it stops; needs io.lettuce:lettuce-core on the classpath. "
                            + "While Redis cannot be reached, nothing is sent (the records fail as retryable). "
                            + "maxConcurrentRequests stays per JVM. Not together with rateLimitBackend.")
    private String rateLimitRedisUri;

    @Metadata(label = "security", defaultValue = "false",
              description = "Whether to use the global SSL context parameters of the CamelContext when an endpoint "
                            + "sets no sslContextParameters")
    private boolean useGlobalSslContextParameters;

    private final SharedAccounts<TenantKey, ZuoraTenant.Settings, ZuoraTenant> tenants = new SharedAccounts<>(
            "Zuora tenant", "set maxConcurrentRequests, requestsPerMinute, rateLimitWindow and tokenRefreshMargin on "
                            + "the component (or the same on every endpoint of that tenant)");
    private SaasRuntime runtime;
    private TransportPool transports;
    private ComponentRateLimitBackend backendInUse;

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
        backendInUse = ComponentRateLimitBackend.choose("zuora-objects", rateLimitBackend, rateLimitRedisUri);
        LOG.debug("zuora-objects rate limits and pauses kept {}", backendInUse);
        TransportSettings settings = transportSettings(configuration);
        runtime = SaasRuntime.start(getCamelContext(), this, "zuora-objects",
                settings.toOptions(getCamelContext()), new SecretRegistry());
        transports = new TransportPool(runtime, settings, getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        // first the tenants, so every call waiting for a slot, a permit or a token fails with a clear error,
        // then the transports and threads those calls would have used
        tenants.close();
        if (transports != null) {
            transports.close();
            transports = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        if (backendInUse != null) {
            backendInUse.close();
            backendInUse = null;
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
    ZuoraTenant tenantFor(ZuoraObjectsConfiguration endpointConfiguration, String endpointName) {
        TenantKey key = ZuoraTenant.keyOf(endpointConfiguration);
        return tenants.get(key, key.label(), ZuoraTenant.Settings.of(endpointConfiguration), endpointName,
                () -> ZuoraTenant.create(endpointConfiguration, runtime(), transportFor(endpointConfiguration),
                        backendInUse.backend()));
    }

    /** The transport for an endpoint's connection settings. */
    HttpTransport transportFor(ZuoraObjectsConfiguration endpointConfiguration) {
        runtime();
        return transports.transportFor(transportSettings(endpointConfiguration));
    }

    /** An endpoint's transport settings, with the CamelContext's TLS settings when it has none and may use them. */
    private TransportSettings transportSettings(ZuoraObjectsConfiguration endpointConfiguration) {
        TransportSettings settings = TransportSettings.of(endpointConfiguration.getConnectTimeout(),
                endpointConfiguration.getResponseTimeout(), endpointConfiguration.getProxyProtocol(),
                endpointConfiguration.getProxyHost(), endpointConfiguration.getProxyPort(),
                endpointConfiguration.getSslContextParameters(), endpointConfiguration.isCompressRequests(),
                endpointConfiguration.getMaxConcurrentRequests(), "camel-zuora-objects");
        if (endpointConfiguration.getSslContextParameters() == null && useGlobalSslContextParameters) {
            SSLContextParameters global = retrieveGlobalSslContextParameters();
            return global == null ? settings : settings.withSslContextParameters(global);
        }
        return settings;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public ZuoraObjectsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZuoraObjectsConfiguration configuration) {
        this.configuration = configuration;
    }

    public RateLimitBackend getRateLimitBackend() {
        return rateLimitBackend;
    }

    public void setRateLimitBackend(RateLimitBackend rateLimitBackend) {
        this.rateLimitBackend = rateLimitBackend;
    }

    public String getRateLimitRedisUri() {
        return rateLimitRedisUri;
    }

    public void setRateLimitRedisUri(String rateLimitRedisUri) {
        this.rateLimitRedisUri = rateLimitRedisUri;
    }
}
