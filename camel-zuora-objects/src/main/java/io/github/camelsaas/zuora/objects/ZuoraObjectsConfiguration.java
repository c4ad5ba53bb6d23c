package io.github.camelsaas.zuora.objects;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import io.github.camelsaas.common.component.ConnectionOptions;
import io.github.camelsaas.common.http.TransportSettings;

/**
 * Options of a zuora-objects: endpoint. The component holds one that every endpoint copies, so options set on
 * the component (for example the credentials) apply to every endpoint that does not set them itself.
 * {@link ZuoraObjectsConfigurationCheck} validates a copy when its endpoint is created.
 */
@UriParams
@Configurer
public class ZuoraObjectsConfiguration extends ConnectionOptions implements Cloneable {

    /** The custom object's API name (case-sensitive), e.g. Order or vehicle. */
    @UriPath
    @Metadata(required = true)
    private String object;

    /** The operation to perform; the header CamelZuoraObjectsOperation overrides it per message. */
    @UriParam(defaultValue = "create",
              enums = "create,get,query,update,patch,delete,batchUpdate,batchDelete,describe,listDefinitions,"
                      + "createDefinitions")
    private String operation = ZuoraObjectsOperation.create.uriName();

    /** The Zuora environment whose REST endpoint to call. */
    @UriParam(defaultValue = "US_PRODUCTION")
    private ZuoraEnvironment environment = ZuoraEnvironment.US_PRODUCTION;

    /**
     * The API base URL (http or https, with a host, optionally a path prefix); overrides environment, e.g. for a
     * Production Copy, a proxy or the simulator.
     */
    @UriParam(label = "advanced")
    private String baseUrl;

    /** The OAuth client id (client credentials grant); set it with clientSecret, or use accessToken instead. */
    @UriParam(label = "security", secret = true)
    private String clientId;

    /** The OAuth client secret that goes with clientId. */
    @UriParam(label = "security", secret = true)
    private String clientSecret;

    /**
     * Whether a plain http:// baseUrl to a host other than loopback is allowed. Off by default: the client secret
     * and tokens would cross the network unencrypted. Loopback (the simulators, a local proxy) is always allowed.
     */
    @UriParam(label = "security", defaultValue = "false")
    private boolean allowInsecureHttp;

    /**
     * A fixed bearer token to use instead of OAuth client credentials. No token is ever fetched or refreshed in
     * this mode, so a 401 answer fails the call.
     */
    @UriParam(label = "security", secret = true)
    private String accessToken;

    /**
     * How long before its expiry an OAuth token is replaced by a new one. When a token lives less than twice this
     * margin, it is replaced halfway through its life instead.
     */
    @UriParam(label = "security", defaultValue = "5m", javaType = "java.time.Duration")
    private long tokenRefreshMargin = 300_000;

    /** The Zuora-Entity-Ids header: the entity to act in, for tenants with Zuora Multi-entity. */
    @UriParam(label = "advanced")
    private String entityIds;

    /** The Zuora-Org-Ids header: comma-separated org ids, for tenants with Zuora Multi-Org. */
    @UriParam(label = "advanced")
    private String orgIds;

    /** The Zuora-Version header: the API version that shapes the answers; Zuora's default when unset. */
    @UriParam(label = "advanced")
    private String zuoraVersion;

    /**
     * The Zuora-Track-Id header sent with every call, which Zuora echoes back to help tracing: at most 64
     * US-ASCII characters, none of colon, semicolon, double quote or quote. The header CamelZuoraObjectsTrackId
     * overrides it per message.
     */
    @UriParam(label = "advanced")
    private String trackId;

    /**
     * Whether Zuora creates (or, for batchUpdate, updates) the valid records of a call when some records of it
     * fail validation. When false, one invalid record fails every record of its call (other calls still go).
     */
    @UriParam(defaultValue = "false")
    private boolean allowPartialSuccess;

    /** How many records go into one create or batch call: 1 to 1000, Zuora's maximum. */
    @UriParam(label = "batching", defaultValue = "1000")
    private int batchSize = ZuoraLimits.MAX_RECORDS_PER_CALL;

    /**
     * What to do with an empty string field value, which Zuora cannot store: toNull sends it as JSON null (which
     * clears the field), reject fails the record before anything is sent.
     */
    @UriParam(defaultValue = "toNull", enums = "toNull,reject")
    private String emptyStringPolicy = EmptyStringPolicy.TO_NULL.uriName();

    /**
     * When one or more records of a message fail: true fails the exchange with a PartialFailureException that
     * carries the successful and the failed records; false keeps the successful records as the body and puts the
     * failed ones in the header CamelZuoraObjectsFailedRecords.
     */
    @UriParam(defaultValue = "true")
    private boolean failOnPartialFailure = true;

    /**
     * How long single-record create messages wait for company: those arriving within this window are sent in
     * one call, and each message completes with its own record. 0 (the default) sends every message at once.
     */
    @UriParam(label = "batching", defaultValue = "0", javaType = "java.time.Duration")
    private long batchWindow;

    /** The query filter (Zuora's q parameter); the header CamelZuoraObjectsFilter overrides it per message. */
    @UriParam(label = "query")
    private String filter;

    /** Records per query page: 1 to 1000. */
    @UriParam(label = "query", defaultValue = "1000")
    private int pageSize = ZuoraLimits.MAX_PAGE_SIZE;

    /** The most records a query returns in all; 0 for every matching record. */
    @UriParam(label = "query", defaultValue = "0")
    private int maxRecords;

    /**
     * Whether a query returns an Iterator that fetches the next page only when the current one is used up (for
     * a splitter in streaming mode), instead of a List of every record.
     */
    @UriParam(label = "query", defaultValue = "false")
    private boolean streaming;

    /** Whether request bodies of 1 KB or more are sent gzipped (Content-Encoding: gzip). */
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean compressRequests = true;

    /**
     * The most calls in flight at once for the tenant (base URL and credentials), over every endpoint that shares
     * them. Zuora allows 40 per tenant, shared with every other client of the tenant.
     */
    @UriParam(label = "throttling", defaultValue = "10")
    private int maxConcurrentRequests = 10;

    /**
     * The most calls per rateLimitWindow for the tenant (base URL and credentials), over every endpoint that shares
     * it, enforced as "at most N arrive at Zuora in any window". 0 (the default) follows Zuora: the limit it states
     * in RateLimit-Limit for a window of rateLimitWindow becomes the tenant's limit (none until an answer states
     * one; the cap on calls in flight still applies). Either way, a 429 or RateLimit-Remaining: 0 pauses the
     * tenant until the time Zuora names.
     */
    @UriParam(label = "throttling", defaultValue = "0")
    private int requestsPerMinute;

    /** The window requestsPerMinute counts over. */
    @UriParam(label = "throttling", defaultValue = "60s", javaType = "java.time.Duration")
    private long rateLimitWindow = 60_000;

    /**
     * How many times a call is retried: after a 429 (at the time the server names), a request that never reached
     * the server, a 5xx answer to a read, update or delete, and records Zuora asks to retry (code 71012561). A
     * create is never replayed after an answer that may mean it was applied.
     */
    @UriParam(defaultValue = "3")
    private int maxRetries = 3;

    /** The HTTP transport these options call for (endpoints with equal settings share one). */
    public TransportSettings transportSettings() {
        return transportSettings(compressRequests, maxConcurrentRequests, "camel-zuora-objects");
    }

    public ZuoraObjectsConfiguration copy() {
        try {
            return (ZuoraObjectsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The base URL in use: {@link #getBaseUrl()} when set, else the environment's, without a trailing slash. */
    public String effectiveBaseUrl() {
        String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl.strip() : environment.baseUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether a fixed access token is used rather than OAuth client credentials. */
    public boolean usesFixedToken() {
        return accessToken != null && !accessToken.isEmpty();
    }

    public ZuoraObjectsOperation operation() {
        return ZuoraObjectsOperation.parse(operation, "operation");
    }

    public EmptyStringPolicy emptyStrings() {
        return EmptyStringPolicy.fromUriName(emptyStringPolicy);
    }

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public ZuoraEnvironment getEnvironment() {
        return environment;
    }

    public void setEnvironment(ZuoraEnvironment environment) {
        this.environment = environment;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public long getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(long tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public String getEntityIds() {
        return entityIds;
    }

    public void setEntityIds(String entityIds) {
        this.entityIds = entityIds;
    }

    public String getOrgIds() {
        return orgIds;
    }

    public void setOrgIds(String orgIds) {
        this.orgIds = orgIds;
    }

    public String getZuoraVersion() {
        return zuoraVersion;
    }

    public void setZuoraVersion(String zuoraVersion) {
        this.zuoraVersion = zuoraVersion;
    }

    public String getTrackId() {
        return trackId;
    }

    public void setTrackId(String trackId) {
        this.trackId = trackId;
    }

    public boolean isAllowPartialSuccess() {
        return allowPartialSuccess;
    }

    public void setAllowPartialSuccess(boolean allowPartialSuccess) {
        this.allowPartialSuccess = allowPartialSuccess;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getEmptyStringPolicy() {
        return emptyStringPolicy;
    }

    public void setEmptyStringPolicy(String emptyStringPolicy) {
        this.emptyStringPolicy = emptyStringPolicy;
    }

    public boolean isFailOnPartialFailure() {
        return failOnPartialFailure;
    }

    public void setFailOnPartialFailure(boolean failOnPartialFailure) {
        this.failOnPartialFailure = failOnPartialFailure;
    }

    public long getBatchWindow() {
        return batchWindow;
    }

    public void setBatchWindow(long batchWindow) {
        this.batchWindow = batchWindow;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxRecords() {
        return maxRecords;
    }

    public void setMaxRecords(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    public boolean isStreaming() {
        return streaming;
    }

    public void setStreaming(boolean streaming) {
        this.streaming = streaming;
    }

    public boolean isCompressRequests() {
        return compressRequests;
    }

    public void setCompressRequests(boolean compressRequests) {
        this.compressRequests = compressRequests;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }
}
