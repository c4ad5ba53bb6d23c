package io.github.camelsaas.kustomer;

import java.util.regex.Pattern;

import io.github.camelsaas.common.component.ConnectionOptions;
import io.github.camelsaas.common.http.TransportSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import io.github.camelsaas.kustomer.api.KustomerBaseUrl;
import io.github.camelsaas.kustomer.api.KustomerLists;

/** Options of a kustomer: endpoint. The component holds one that every endpoint copies. */
@UriParams
@Configurer
public class KustomerConfiguration extends ConnectionOptions implements Cloneable {

    /** Kustomer's limit on items per bulk request. */
    public static final int MAX_BULK_SIZE = 100;

    /** Kustomer's restriction on klass names. */
    static final Pattern KLASS_NAME = Pattern.compile("[0-9a-zA-Z_-]+");
    private static final Pattern ORG_NAME = Pattern.compile("[0-9a-zA-Z]([0-9a-zA-Z-]{0,61}[0-9a-zA-Z])?");

    /** The Kustomer resource to address. */
    @UriPath(enums = "kobjects,customers,companies,conversations,messages,notes")
    @Metadata(required = true)
    private KustomerResource resource;

    /**
     * The operation to perform; the header CamelKustomerOperation overrides it per message. Each resource supports
     * some of them: kobjects all but getByEmail; customers all; companies create, update, get, list; conversations
     * create, update, get, getByExternalId, delete, list; messages create, get, list; notes create, get, delete, list.
     */
    @UriParam(defaultValue = "create",
              enums = "create,update,upsert,get,getByExternalId,getByEmail,delete,list")
    private String operation = "create";

    /**
     * The KObject klass name (required for the kobjects resource; letters, digits, _ and -). The header
     * CamelKustomerKlass overrides it per message.
     */
    @UriParam
    private String klass;

    /**
     * Records per page of a list (Kustomer's default: 100), sent only on lists whose path takes pageSize
     * (conversations, messages, a conversation's notes); the header CamelKustomerPageSize overrides it per message.
     */
    @UriParam(label = "list")
    private Integer pageSize;

    /**
     * Whether a list returns an Iterator that fetches the next page only when the current one is used up (for a
     * splitter in streaming mode), following Kustomer's links.next, instead of one page.
     */
    @UriParam(label = "list", defaultValue = "false")
    private boolean streaming;

    /** The Kustomer API key, sent as a bearer token. It needs the roles of the operations used. */
    @UriParam(label = "security", secret = true)
    private String apiKey;

    /**
     * Whether a plain http:// baseUrl to a host other than loopback is allowed. Off by default: the API key would
     * cross the network unencrypted. Loopback (the simulators, a local proxy) is always allowed.
     */
    @UriParam(label = "security", defaultValue = "false")
    private boolean allowInsecureHttp;

    /** The Kustomer region: us (api.kustomerapp.com) or eu (api.prod2.kustomerapp.com). */
    @UriParam(defaultValue = "us", enums = "us,eu")
    private String region = "us";

    /** The org name, to use the per-org host https://{orgName}.api.kustomerapp.com (US region). */
    @UriParam
    private String orgName;

    /** The API base URL; overrides region and orgName, e.g. for a proxy or the simulator. */
    @UriParam(label = "advanced")
    private String baseUrl;

    /**
     * The org-wide limit of requests per rate-limit window, shared by every endpoint of the component that talks to
     * the same org. 0 (the default) adapts: it starts at 300, the smallest Kustomer plan, and adopts the limit the
     * server states in x-ratelimit-limit.
     */
    @UriParam(label = "throttling", defaultValue = "0")
    private int requestsPerMinute;

    /**
     * Creates of KObjects, conversations, messages and notes allowed per customer per rate-limit window (Kustomer:
     * 120 per minute). KObjects, conversations and messages whose body carries importedAt are exempt. In bulk, each
     * item takes a permit of its customer.
     */
    @UriParam(label = "throttling", defaultValue = "120")
    private int customerCreatesPerMinute = 120;

    /** The window both rate limits count in (Kustomer: one minute). */
    @UriParam(label = "throttling", defaultValue = "60s", javaType = "java.time.Duration")
    private long rateLimitWindow = 60_000;

    /**
     * Whether a list body is written with Kustomer's /bulk endpoints (creates and updates, and deletes of KObjects and
     * customers), in chunks of at most bulkSize items and 100 kB. When false, one call per record.
     */
    @UriParam(label = "batching", defaultValue = "true")
    private boolean bulk = true;

    /** The most items per bulk call (Kustomer allows 100). */
    @UriParam(label = "batching", defaultValue = "100")
    private int bulkSize = MAX_BULK_SIZE;

    /**
     * The most calls in flight at once for the org, over every endpoint of the component that talks to it (like
     * the rate limits, an org has one cap: set it on the component).
     */
    @UriParam(label = "throttling", defaultValue = "4")
    private int maxConcurrentRequests = 4;

    /**
     * How many times a call is retried: after a 429 (at the time the server names), a connection failure, or a 5xx
     * on get, update and delete. A create is retried after a 5xx only when its record has an externalId, and then
     * looks the record up first so that nothing is created twice.
     */
    @UriParam(defaultValue = "5")
    private int maxRetries = 5;

    /**
     * How long single-record creates wait to be coalesced with others into one bulk call (0, the default, sends each
     * one at once).
     */
    @UriParam(label = "batching", defaultValue = "0", javaType = "java.time.Duration")
    private long batchWindow;

    /**
     * Whether an exchange whose list body had failed records fails with a PartialFailureException (carrying the
     * successes and the failures). When false, the body holds the successful results and the header
     * CamelKustomerFailedRecords the failures.
     */
    @UriParam(defaultValue = "true")
    private boolean failOnPartialFailure = true;

    /**
     * Whether records are checked against Kustomer's rules before sending (custom attribute types by name suffix,
     * KObject properties, lengths and image URLs, tags, externalId length, createdAt and importedAt dates); an invalid
     * record is reported with all its violations and never sent.
     */
    @UriParam(defaultValue = "true")
    private boolean validate = true;

    public KustomerConfiguration copy() {
        try {
            return (KustomerConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Checks the options together, naming the option and the allowed values, so a bad endpoint fails when the route
     * starts rather than on its first message. The API key is checked when the endpoint starts (it may come from the
     * component).
     */
    public void validate() {
        if (resource == null) {
            throw new IllegalArgumentException("The Kustomer resource is missing from the URI path; allowed: "
                    + "kobjects, customers, companies, conversations, messages, notes");
        }
        resource.requireSupported(KustomerOperation.parse(operation, resource));
        if (resource == KustomerResource.kobjects) {
            if (klass == null || klass.isBlank()) {
                throw new IllegalArgumentException("The kobjects resource needs the klass option (the KObject klass "
                        + "name, letters, digits, _ and -)");
            }
            requireKlassName(klass, "klass option");
        }
        if (!"us".equalsIgnoreCase(region) && !"eu".equalsIgnoreCase(region)) {
            throw new IllegalArgumentException("Unknown Kustomer region '" + region + "'; allowed: us, eu");
        }
        if (orgName != null && !ORG_NAME.matcher(orgName).matches()) {
            throw new IllegalArgumentException("orgName '" + orgName + "' is not a host name label (letters, digits "
                    + "and -)");
        }
        if (orgName != null && baseUrl == null && "eu".equalsIgnoreCase(region)) {
            throw new IllegalArgumentException("orgName selects the US per-org host {orgName}.api.kustomerapp.com; "
                    + "for an EU org use region=eu without orgName, or baseUrl");
        }
        requireAtLeast("requestsPerMinute", requestsPerMinute, 0);
        requireAtLeast("customerCreatesPerMinute", customerCreatesPerMinute, 1);
        requireAtLeast("rateLimitWindow", rateLimitWindow, 1);
        requireAtLeast("maxConcurrentRequests", maxConcurrentRequests, 1);
        requireAtLeast("maxRetries", maxRetries, 0);
        requireAtLeast("batchWindow", batchWindow, 0);
        if (pageSize != null) {
            requireAtLeast("pageSize", pageSize, 1);
            if (!KustomerLists.anyDeclares(resource, KustomerLists.PAGE_SIZE)) {
                throw new IllegalArgumentException("pageSize: no Kustomer list of " + resource + " takes a page size "
                        + "(their pages follow links.next); lists that take one: conversations, messages, a "
                        + "conversation's notes");
            }
        }
        if (bulkSize < 1 || bulkSize > MAX_BULK_SIZE) {
            throw new IllegalArgumentException("bulkSize must be from 1 to " + MAX_BULK_SIZE + " (Kustomer's limit), was "
                    + bulkSize);
        }
        requireAtLeast("connectTimeout", getConnectTimeout(), 1);
        requireAtLeast("responseTimeout", getResponseTimeout(), 1);
        TransportSettings.checkProxy(getProxyProtocol(), getProxyHost(), getProxyPort());
        KustomerBaseUrl.resolve(this);
    }

    /** The HTTP transport these options call for (endpoints with equal settings share one). */
    public TransportSettings transportSettings() {
        // Kustomer does not document gzip request bodies, and its 100 kB limit is on what it receives
        return transportSettings(false, maxConcurrentRequests, "camel-kustomer");
    }

    /** Fails unless {@code name} is a klass name Kustomer accepts. */
    static void requireKlassName(String name, String where) {
        if (!KLASS_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid KObject klass name '" + name + "' in the " + where
                    + "; allowed: letters, digits, _ and - (^[0-9a-zA-Z_-]+$)");
        }
    }

    private static void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", was " + value);
        }
    }

    public KustomerResource getResource() {
        return resource;
    }

    public void setResource(KustomerResource resource) {
        this.resource = resource;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getKlass() {
        return klass;
    }

    public void setKlass(String klass) {
        this.klass = klass;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public boolean isStreaming() {
        return streaming;
    }

    public void setStreaming(boolean streaming) {
        this.streaming = streaming;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getOrgName() {
        return orgName;
    }

    public void setOrgName(String orgName) {
        this.orgName = orgName;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public int getCustomerCreatesPerMinute() {
        return customerCreatesPerMinute;
    }

    public void setCustomerCreatesPerMinute(int customerCreatesPerMinute) {
        this.customerCreatesPerMinute = customerCreatesPerMinute;
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public boolean isBulk() {
        return bulk;
    }

    public void setBulk(boolean bulk) {
        this.bulk = bulk;
    }

    public int getBulkSize() {
        return bulkSize;
    }

    public void setBulkSize(int bulkSize) {
        this.bulkSize = bulkSize;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getBatchWindow() {
        return batchWindow;
    }

    public void setBatchWindow(long batchWindow) {
        this.batchWindow = batchWindow;
    }

    public boolean isFailOnPartialFailure() {
        return failOnPartialFailure;
    }

    public void setFailOnPartialFailure(boolean failOnPartialFailure) {
        this.failOnPartialFailure = failOnPartialFailure;
    }

    public boolean isValidate() {
        return validate;
    }

    public void setValidate(boolean validate) {
        this.validate = validate;
    }

    @Override
    public String toString() {
        // never the API key
        return "KustomerConfiguration[resource=" + resource + ", operation=" + operation + ", klass=" + klass
                + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", baseUrl=" + KustomerBaseUrl.describe(this)
                + "]";
    }
}
