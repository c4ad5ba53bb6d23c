package io.github.camelsaas.kustomer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.component.SharedAccounts;
import io.github.camelsaas.common.http.HttpTransportOptions;
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
 * conversations, messages, notes). One HTTP client, one scheduler and the org rate limits are shared by all its
 * endpoints, so the connection settings below are component options: use a second component instance for different
 * ones.
 */
@Component("kustomer")
public class KustomerComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(KustomerComponent.class);

    @Metadata(description = "Component-wide configuration that every endpoint starts from")
    private KustomerConfiguration configuration = new KustomerConfiguration();

    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Time allowed to establish a connection to Kustomer (TCP and TLS)")
    private long connectTimeout = HttpTransportOptions.DEFAULT_CONNECT_TIMEOUT.toMillis();

    @Metadata(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Time allowed for Kustomer's answer to a request")
    private long responseTimeout = HttpTransportOptions.DEFAULT_RESPONSE_TIMEOUT.toMillis();

    @Metadata(label = "proxy", description = "An HTTP proxy host for every call of this component")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The HTTP proxy port")
    private Integer proxyPort;

    @Metadata(label = "security", description = "TLS settings (trust store, client certificate) for the calls to "
                                                + "Kustomer; the JVM's defaults otherwise")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
              description = "Whether to use the global SSL context parameters of the CamelContext")
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
        runtime = SaasRuntime.start(getCamelContext(), this, "kustomer", transportOptions(), secrets);
    }

    HttpTransportOptions transportOptions() {
        HttpTransportOptions.Builder options = HttpTransportOptions.builder()
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .responseTimeout(Duration.ofMillis(responseTimeout))
                // Kustomer does not document gzip request bodies, and its 100 kB limit is on what it receives
                .compressRequests(false)
                .userAgent("camel-kustomer");
        if (proxyHost != null) {
            if (proxyPort == null) {
                throw new IllegalArgumentException("proxyHost is set but proxyPort is not");
            }
            options.proxy(proxyHost, proxyPort);
        }
        SSLContextParameters tls = sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        if (tls != null) {
            options.sslContextParameters(tls, getCamelContext());
        }
        return options.build();
    }

    /**
     * Closes the org limits first, so calls waiting for a permit fail with a clear StoppedException, then the HTTP
     * client and the threads.
     */
    @Override
    protected void doStop() throws Exception {
        orgs.close();
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
                        running.scheduler(), running.workers(), running.transport().options().inFlightBound()));
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

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
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
