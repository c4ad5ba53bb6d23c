package io.github.camelsaas.simulator.kustomer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.camelsaas.simulator.common.AbstractSimulator;
import io.github.camelsaas.simulator.common.SimRequest;
import io.github.camelsaas.simulator.common.SimResponse;
import io.github.camelsaas.simulator.common.WindowLimiter;
import io.github.camelsaas.simulator.common.WindowMode;

/**
 * A stateful fake of Kustomer's REST API (KObjects, customers, companies, conversations, messages, notes, bulk jobs,
 * token checks), limits included: org-wide requests per window, creates per customer per window, 100-item bulk
 * requests, 100 kB bodies, bearer keys with roles. Start it, point a client at {@link #baseUrl()}, authenticate with
 * {@link #DEMO_API_KEY} (or a key from {@link #registerApiKey}).
 *
 * <p>Each call goes through, in order: authentication (401), the org limit (429; every authenticated call counts),
 * the key's roles (401, as Kustomer answers a missing role), the body size (413), routing (404), the endpoint's
 * checks (400, 404, 409) and, for creates linked to a customer, the per-customer limit (429). Every answer carries
 * the org's {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code x-ratelimit-reset} (epoch seconds);
 * a customer-limit 429 carries that customer's instead. 429s also carry {@code Retry-After} (seconds).
 *
 * <p>Assumptions where Kustomer's documentation is silent, each a choice a test can see: a taken external id is a 409
 * (customers and conversations per org, KObjects per klass); a body that fails validation does not count against
 * the customer limit; a bulk job's {@code ids} list is empty unless {@link #setBulkReturnsIds} (as Kustomer's
 * examples show); {@code GET /v1/bulk/{id}} answers the completed job; lists are in creation order (newest first with
 * {@code sort=desc}); {@code pageSize} goes up to 1000 and is read on every list path, also those whose spec declares
 * none (their {@code links} carry it); updates are not limited per object (Kustomer's per-object numbers are unpublished).
 *
 * <p>{@link #reset()} empties the store and zeroes the counters but keeps the configuration (keys, limits);
 * {@link #restoreDefaultConfiguration()} puts that back too.
 */
public final class KustomerSimulator extends AbstractSimulator {

    /** The key every simulator accepts (with every role) until {@link #revokeApiKey} removes it. */
    public static final String DEMO_API_KEY = "kustomer-simulator-demo-key";

    /** Kustomer refuses bodies over 100 kB on its API endpoints. */
    public static final int MAX_BODY_BYTES = 102_400;

    private final KustomerStore store = new KustomerStore();
    private final KustomerRateLimits limits = new KustomerRateLimits();
    private final ApiKeys apiKeys = new ApiKeys();
    private final RouteTable routes = new RouteTable();
    private volatile boolean bulkReturnsIds;
    private volatile int defaultPageSize = JsonApi.Paging.DEFAULT_PAGE_SIZE;

    /** A simulator on a free port. */
    public KustomerSimulator() {
        this(0);
    }

    /** @param port the port to listen on, 0 for a free one */
    public KustomerSimulator(int port) {
        super(port);
        apiKeys.registerFullAccess(DEMO_API_KEY);
        EndpointSupport support = new EndpointSupport(store, limits, () -> defaultPageSize);
        new KObjectEndpoints(support).register(routes);
        new CustomerEndpoints(support).register(routes);
        new CompanyEndpoints(support).register(routes);
        new ConversationEndpoints(support).register(routes);
        new MessageEndpoints(support).register(routes);
        new NoteEndpoints(support).register(routes);
        new BulkEndpoints(support, () -> bulkReturnsIds).register(routes);
        new TokenEndpoints(support).register(routes);
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        Optional<RouteTable.Match> match = routes.match(request.method(), request.path());
        stats().recordCall(match.map(m -> m.route().name()).orElse(request.method() + " (no route)"));
        ApiKeys.ApiKey key = apiKeys.authenticate(request.header("Authorization"));
        if (key == null) {
            // a call without a valid key belongs to no org, so it does not count against the org limit
            return withOrgHeaders(ApiException.unauthorized("missing, malformed or unknown bearer API key")
                    .toResponse(), limits.peekOrg());
        }
        WindowLimiter.Decision org = limits.admitOrgCall();
        if (!org.allowed()) {
            ApiException tooMany = ApiException.tooManyRequests("rate limit reached: at most " + org.limit()
                    + " requests per window for the org");
            KustomerRateLimits.applyHeaders(org, KustomerRateLimits.HeaderSink.of(tooMany));
            return tooMany.toResponse();
        }
        SimResponse response;
        try {
            response = dispatch(request, match, key);
        } catch (ApiException e) {
            response = e.toResponse();
        }
        return withOrgHeaders(response, org);
    }

    private SimResponse dispatch(SimRequest request, Optional<RouteTable.Match> match, ApiKeys.ApiKey key) {
        if (match.isEmpty()) {
            throw ApiException.notFound("path", "no endpoint " + request.method() + " " + request.path());
        }
        Route route = match.get().route();
        if (!key.permits(route.permission(), match.get().params().get("name"))) {
            throw ApiException.unauthorized("the API key lacks the role for " + route.name() + ": "
                    + route.permission());
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge(MAX_BODY_BYTES);
        }
        return route.handler().handle(new Call(request, match.get().params(), key));
    }

    private static SimResponse withOrgHeaders(SimResponse response, WindowLimiter.Decision org) {
        // a customer-limit 429 already names its own limit; the org's would contradict it
        if (!response.headers().containsKey("x-ratelimit-limit")) {
            KustomerRateLimits.applyHeaders(new WindowLimiter.Decision(true, org.limit(), org.remaining(),
                    org.resetAtEpochMillis()), KustomerRateLimits.HeaderSink.of(response));
        }
        return response;
    }

    @Override
    protected void resetState() {
        store.clear();
        limits.resetCounts();
    }

    // ---- configuration ----

    /** Accepts {@code key} as a bearer token with every role. */
    public void registerApiKey(String key) {
        apiKeys.registerFullAccess(key);
    }

    /**
     * Accepts {@code key} with only these roles, legacy ({@code org.user.kobject.write}) or permission-set
     * ({@code org.permission.kobject.create}); calls needing another role answer 401, as Kustomer does.
     */
    public void registerApiKey(String key, Set<String> roles) {
        apiKeys.register(key, roles);
    }

    /** Stops accepting {@code key} (the demo key too). */
    public void revokeApiKey(String key) {
        apiKeys.revoke(key);
    }

    /** At most {@code limit} calls per {@code window} for the org (0 or less: unlimited); forgets what was counted. */
    public void setOrgLimit(int limit, Duration window) {
        limits.configureOrg(limit, window);
    }

    /**
     * At most {@code limit} creates per customer per {@code window} (0 or less: unlimited); forgets what was counted.
     */
    public void setCustomerCreateLimit(int limit, Duration window) {
        limits.configureCustomerCreates(limit, window);
    }

    /** Sliding windows (default, the strictest reading) or fixed ones, for both limits; forgets what was counted. */
    public void setWindowMode(WindowMode mode) {
        limits.setWindowMode(mode);
    }

    /**
     * Whether each item of a bulk create counts against its customer's create limit (default true, the conservative
     * reading; Kustomer does not say).
     */
    public void setBulkCountsPerItem(boolean perItem) {
        limits.setBulkCountsPerItem(perItem);
    }

    /** Whether bulk jobs list the ids they stored in {@code attributes.ids} (default false, as Kustomer's examples). */
    public void setBulkReturnsIds(boolean returnIds) {
        this.bulkReturnsIds = returnIds;
    }

    /**
     * The page size of a list call that names none (Kustomer: 100), e.g. a small one so that a test pages through a
     * few records on paths whose spec declares no {@code pageSize} ({@code GET /v1/customers}, {@code /v1/notes}).
     */
    public void setDefaultPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > JsonApi.Paging.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be from 1 to " + JsonApi.Paging.MAX_PAGE_SIZE);
        }
        this.defaultPageSize = pageSize;
    }

    /**
     * Kustomer's defaults again: only the demo key, 300 calls and 120 creates per customer per 60 s, sliding, pages
     * of 100.
     */
    public void restoreDefaultConfiguration() {
        apiKeys.clear();
        apiKeys.registerFullAccess(DEMO_API_KEY);
        limits.restoreDefaults();
        bulkReturnsIds = false;
        defaultPageSize = JsonApi.Paging.DEFAULT_PAGE_SIZE;
    }

    // ---- inspection ----

    /** The KObjects of a klass, oldest first. */
    public List<StoredObject> kobjects(String klass) {
        return store.existingKlass(klass).map(ResourceCollection::all).orElseGet(List::of);
    }

    public Optional<StoredObject> findKObjectByExternalId(String klass, String externalId) {
        return store.existingKlass(klass).flatMap(c -> c.byExternalId(externalId));
    }

    public int kobjectCount(String klass) {
        return store.existingKlass(klass).map(ResourceCollection::size).orElse(0);
    }

    /** The klasses that hold or held KObjects. */
    public List<String> klasses() {
        return store.klassNames();
    }

    public List<StoredObject> customers() {
        return store.of(ResourceKind.CUSTOMER).all();
    }

    public Optional<StoredObject> findCustomerByExternalId(String externalId) {
        return store.of(ResourceKind.CUSTOMER).byExternalId(externalId);
    }

    public List<StoredObject> companies() {
        return store.of(ResourceKind.COMPANY).all();
    }

    public List<StoredObject> conversations() {
        return store.of(ResourceKind.CONVERSATION).all();
    }

    public List<StoredObject> messages() {
        return store.of(ResourceKind.MESSAGE).all();
    }

    public List<StoredObject> notes() {
        return store.of(ResourceKind.NOTE).all();
    }

    /** How many records of a kind (for KObjects: of every klass) are stored. */
    public int count(ResourceKind kind) {
        if (kind == ResourceKind.KOBJECT) {
            return store.klassNames().stream().mapToInt(this::kobjectCount).sum();
        }
        return store.of(kind).size();
    }

    /** The bulk jobs run so far, oldest first. */
    public List<BulkJob> bulkJobs() {
        return store.bulkJobs();
    }

    /** When the server counted each create against this customer's limit, oldest first. */
    public List<Instant> customerCreateTimes(String customerId) {
        return limits.createTimes(customerId).stream().map(Instant::ofEpochMilli).toList();
    }

    /**
     * The most creates this customer had counted within any span of {@code window}: a client that respects a limit
     * of N per window keeps this at most N.
     */
    public int maxCustomerCreatesInAnyWindow(String customerId, Duration window) {
        long windowMillis = window.toMillis();
        Deque<Long> inWindow = new ArrayDeque<>();
        int max = 0;
        for (long time : limits.createTimes(customerId)) {
            inWindow.addLast(time);
            while (inWindow.peekFirst() + windowMillis <= time) {
                inWindow.removeFirst();
            }
            max = Math.max(max, inWindow.size());
        }
        return max;
    }

    /** 429s sent because the org limit was reached. */
    public long orgTooManyRequests() {
        return limits.orgRejections();
    }

    /** 429s sent because a customer's create limit was reached. */
    public long customerTooManyRequests() {
        return limits.customerRejections();
    }
}
