package io.github.camelsaas.kustomer;

import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.component.SharedAccounts;
import io.github.camelsaas.common.component.TransportPool;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.TransportSettings;
import io.github.camelsaas.common.ratelimit.ComponentRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.redact.SecretRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.camelsaas.kustomer.api.OrgThrottle;

/**
 * The {@code kustomer:} component: writes and reads Kustomer resources (KObjects, customers, companies,
 * conversations, messages, notes). It owns what its endpoints share: the runtime (HTTP transports, one per distinct
 * set of connection options, scheduler, workers, secret registry) and one {@link OrgThrottle} per org, so endpoints
 * talking to the same org share its limits and its cap on calls in flight.
 */
@Component("kustomer")
public class KustomerComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(KustomerComponent.class);

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private KustomerConfiguration configuration = new KustomerConfiguration();

    @Metadata(label = "security", defaultValue = "false",
              description = "Whether to use the global SSL context parameters of the CamelContext when an endpoint "
                            + "sets no sslContextParameters")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "throttling", autowired = true,
              description = "Where the rate limiters keep their grant history: in this JVM by default. A shared "
                            + "store (a RateLimitBackend bean, e.g. a RedisRateLimitBackend, referenced as #name or "
                            + "autowired when the registry holds exactly one) lets several JVMs keep one org limit "
                            + "and one limit per customer together. The bean's owner closes it.")
    private RateLimitBackend rateLimitBackend;

    @Metadata(label = "throttling", secret = true,
              description = "A Redis server that holds the rate limits, so that every replica of the application "
                            + "keeps one org limit and one limit per customer together: "
                            + "a redis:// URI with host, port, database and an optional password (e.g. "
                            + "redis://redis:6379/0), rediss:// for TLS, or redis-sentinel://. "
                            + "The component connects when it starts and closes the connection when it stops; needs "
                            + "io.lettuce:lettuce-core on the classpath. While Redis cannot be reached, nothing is "
                            + "sent (the records fail as retryable). Not together with rateLimitBackend.")
    private String rateLimitRedisUri;

    private final SecretRegistry secrets = new SecretRegistry();
    private final SharedAccounts<String, OrgThrottle.Settings, OrgThrottle> orgs = new SharedAccounts<>(
            "Kustomer org", "set requestsPerMinute, customerCreatesPerMinute, rateLimitWindow and maxConcurrentRequests "
                            + "on the component (or the same on every endpoint of that org)");
    private volatile SaasRuntime runtime;
    private TransportPool transports;
    private ComponentRateLimitBackend backendInUse;

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
        super.doStart();
        secrets.register(configuration.getApiKey());
        backendInUse = ComponentRateLimitBackend.choose("kustomer", rateLimitBackend, rateLimitRedisUri);
        LOG.debug("kustomer rate limits kept {}", backendInUse);
        TransportSettings settings = transportSettings(configuration);
        runtime = SaasRuntime.start(getCamelContext(), this, "kustomer", settings.toOptions(getCamelContext()),
                secrets);
        transports = new TransportPool(runtime, settings, getCamelContext());
    }

    /** The transport for an endpoint's connection settings (endpoints with equal settings share one). */
    HttpTransport transportFor(KustomerConfiguration endpointConfiguration) {
        runtime();
        return transports.transportFor(transportSettings(endpointConfiguration));
    }

    /** An endpoint's transport settings, with the CamelContext's TLS settings when it has none and may use them. */
    private TransportSettings transportSettings(KustomerConfiguration endpointConfiguration) {
        TransportSettings settings = endpointConfiguration.transportSettings();
        if (endpointConfiguration.getSslContextParameters() == null && useGlobalSslContextParameters) {
            SSLContextParameters global = retrieveGlobalSslContextParameters();
            return global == null ? settings : settings.withSslContextParameters(global);
        }
        return settings;
    }

    /**
     * Closes the org limits first, so calls waiting for a permit fail with a clear StoppedException, then the HTTP
     * client and the threads.
     */
    @Override
    protected void doStop() throws Exception {
        orgs.close();
        if (transports != null) {
            transports.close();
            transports = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        if (backendInUse != null) {
            // after the limiters: nothing asks the backend any more
            backendInUse.close();
            backendInUse = null;
        }
        super.doStop();
    }

    /** What the endpoints run on; only while the component is started. */
    SaasRuntime runtime() {
        SaasRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("the kustomer component is not started");
        }
        return current;
    }

    SecretRegistry secrets() {
        return secrets;
    }

    /**
     * The limits of the org an endpoint talks to, shared by every endpoint of this component that talks to it (see
     * {@link SharedAccounts} for an endpoint asking for other limits).
     */
    OrgThrottle throttleFor(String baseUrl, KustomerConfiguration endpointConfiguration, String endpoint) {
        SaasRuntime running = runtime();
        return orgs.get(baseUrl, baseUrl, OrgThrottle.Settings.of(endpointConfiguration), endpoint,
                () -> new OrgThrottle(baseUrl, OrgThrottle.Settings.of(endpointConfiguration), backendInUse.backend(),
                        running.scheduler(), running.workers(),
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

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
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
