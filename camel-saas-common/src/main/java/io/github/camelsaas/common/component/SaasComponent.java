package io.github.camelsaas.common.component;

import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.TransportSettings;
import io.github.camelsaas.common.ratelimit.ComponentRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.redact.SecretRegistry;

/**
 * What both components are: the options they share (where the rate limits are kept, the global TLS settings) and
 * what one component instance runs on, started and stopped with it: the rate-limit backend, the runtime (scheduler,
 * workers, secret registry) and one HTTP transport per distinct set of connection options. A component adds its
 * configuration and its accounts (Kustomer orgs, Zuora tenants), which it closes first when it stops, so that every
 * call waiting on them fails with a clear error before the transports and threads go.
 */
public abstract class SaasComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(SaasComponent.class);

    @Metadata(label = "throttling", autowired = true,
              description = "Where the rate limits and the pauses the vendor asks for (429, a quota at zero) are "
                            + "kept: in this JVM by default. A shared store (a RateLimitBackend bean, e.g. a "
                            + "RedisRateLimitBackend, referenced as #name or autowired when the registry holds exactly "
                            + "one) lets several JVMs keep them together. The bean's owner closes it.")
    private RateLimitBackend rateLimitBackend;

    @Metadata(label = "throttling", secret = true,
              description = "A Redis server that holds the rate limits and pauses, so that every replica of the "
                            + "application keeps them together: a redis:// URI with host, port, database and an "
                            + "optional password (e.g. redis://redis:6379/0), rediss:// for TLS, or redis-sentinel://. "
                            + "The component connects when it starts and closes the connection when it stops; needs "
                            + "io.lettuce:lettuce-core on the classpath. While Redis cannot be reached, nothing is "
                            + "sent (the records fail as retryable). maxConcurrentRequests stays per JVM. Not together "
                            + "with rateLimitBackend.")
    private String rateLimitRedisUri;

    @Metadata(label = "security", defaultValue = "false",
              description = "Whether to use the global SSL context parameters of the CamelContext when an endpoint "
                            + "sets no sslContextParameters")
    private boolean useGlobalSslContextParameters;

    private final String scheme;
    private final SecretRegistry secrets = new SecretRegistry();
    private volatile SaasRuntime runtime;
    private volatile TransportPool transports;
    private volatile ComponentRateLimitBackend backendInUse;

    /** @param scheme the component's scheme, e.g. {@code kustomer}: names its threads, logs and errors */
    protected SaasComponent(String scheme) {
        this.scheme = scheme;
    }

    /** The connection options of the component-wide configuration: the runtime's own transport uses them. */
    protected abstract TransportSettings componentTransportSettings();

    /** Closes the accounts (orgs, tenants): every call waiting on them fails with a StoppedException. */
    protected abstract void closeAccounts();

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        backendInUse = ComponentRateLimitBackend.choose(scheme, rateLimitBackend, rateLimitRedisUri);
        LOG.debug("{} rate limits and pauses kept {}", scheme, backendInUse);
        TransportSettings settings = withGlobalTls(componentTransportSettings());
        SaasRuntime started = SaasRuntime.start(getCamelContext(), this, scheme, settings.toOptions(getCamelContext()),
                secrets);
        transports = new TransportPool(started, settings, getCamelContext());
        // last: runtime() answers only once everything it guards is there
        runtime = started;
    }

    @Override
    protected void doStop() throws Exception {
        // first the accounts, so every call waiting for a slot, a permit or a token fails with a clear error, then
        // the transports and threads those calls would have used, then the backend nothing asks any more
        closeAccounts();
        // first: from now on runtime() says the component is not started, before what it guards goes
        SaasRuntime stopping = runtime;
        runtime = null;
        if (transports != null) {
            transports.close();
            transports = null;
        }
        if (stopping != null) {
            stopping.close();
        }
        if (backendInUse != null) {
            backendInUse.close();
            backendInUse = null;
        }
        super.doStop();
    }

    /** What the endpoints run on; only while the component is started. */
    public SaasRuntime runtime() {
        SaasRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("The " + scheme + " component is not started");
        }
        return current;
    }

    /** Where the accounts' rate limits are kept; only while the component is started. */
    public RateLimitBackend rateLimitBackendInUse() {
        runtime();
        ComponentRateLimitBackend backend = backendInUse;
        if (backend == null) {
            throw new IllegalStateException("The " + scheme + " component is not started");
        }
        return backend.backend();
    }

    /**
     * The transport for an endpoint's connection options (endpoints with equal options share one), with the
     * CamelContext's TLS settings when the endpoint has none and useGlobalSslContextParameters is on.
     */
    public HttpTransport transportFor(TransportSettings endpointSettings) {
        runtime();
        TransportPool pool = transports;
        if (pool == null) {
            throw new IllegalStateException("The " + scheme + " component is not started");
        }
        return pool.transportFor(withGlobalTls(endpointSettings));
    }

    private TransportSettings withGlobalTls(TransportSettings settings) {
        if (settings.sslContextParameters() == null && useGlobalSslContextParameters) {
            SSLContextParameters global = retrieveGlobalSslContextParameters();
            return global == null ? settings : settings.withSslContextParameters(global);
        }
        return settings;
    }

    /** The credentials to keep out of every log line, error and toString of this component. */
    public SecretRegistry secrets() {
        return secrets;
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
