package io.github.camelsaas.simulator.zuora;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelsaas.simulator.common.AbstractSimulator;
import io.github.camelsaas.simulator.common.SimRequest;
import io.github.camelsaas.simulator.common.SimResponse;
import io.github.camelsaas.simulator.common.WindowLimiter;
import io.github.camelsaas.simulator.common.WindowMode;

/**
 * A stateful fake of Zuora's OAuth token endpoint and custom objects API (records, batch, definitions), limits
 * included, on an embedded HTTP server.
 *
 * <pre>{@code
 * try (ZuoraSimulator zuora = new ZuoraSimulator()) {
 *     zuora.registerDefinition(ObjectDefinition.builder("Vehicle")
 *             .field(FieldDefinition.string("DeviceId__c").maxLength(20).required().filterable())
 *             .build());
 *     zuora.start();
 *     // point the client at zuora.baseUrl(), client id "demo-client", secret "demo-secret"
 *     assertThat(zuora.count("Vehicle")).isEqualTo(1000);
 * }
 * }</pre>
 *
 * <h2>What it serves</h2>
 * The operations of {@link ZuoraRoute}: {@code POST /oauth/token} (form {@code client_id}, {@code client_secret},
 * {@code grant_type=client_credentials}); records create, get, query ({@code q}, {@code pageSize},
 * {@code cursor}), PUT, PATCH ({@code application/merge-patch+json}), DELETE; batch update and delete; definitions:
 * list ({@code select=type}), get, and create ({@code POST /objects/definitions/default}, which defines new objects
 * whose records can then be written; {@link #registerDefinitions} does the same from Java).
 * Every data call needs {@code Authorization: Bearer} with a token issued here and not expired (or a
 * {@link #acceptStaticToken static} one), else 401. Every answer carries a {@code Zuora-Request-Id}; a valid
 * {@code Zuora-Track-Id} is echoed, an invalid one answers 400. Gzipped request bodies are accepted; answers are
 * gzipped when the client accepts it (by the embedded server, from a few dozen bytes on, where Zuora starts at
 * 1,000). Faults queued on {@link #faults()} answer exactly what was queued, without these headers.
 *
 * <h2>Limits, as Zuora's</h2>
 * At most 1,000 records per create or batch call (else 400). Per tenant, 50,000 data calls per sliding 60 s
 * window ({@link #setRateLimit}), reported in {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} on every data call and answered 429 with {@code Retry-After} when exceeded. At most
 * 40 calls in flight ({@link #setConcurrencyLimit}): a data call arriving when more are in flight, itself
 * included, is answered 429 with {@code Retry-After: 1}. The in-flight count is the server's (all calls, token
 * calls included), so the simulator models one tenant for concurrency. The token endpoint is not rate limited.
 *
 * <h2>Objects without a definition</h2>
 * Zuora's description documents no answer for records of an undefined object, so the simulator answers the
 * closest documented one: 400 (code 71012540) on create and batch, whose documented errors are 400s; 404 on get,
 * PUT, PATCH and query, as for a missing record; 200 on delete, whose only documented answer is 200. Define objects
 * with {@link #registerDefinition}, {@link #registerDefinitions} (Zuora's JSON) or, as a client, with
 * {@code POST /objects/definitions/default}; use {@link #registerObject} for an object that takes any fields, or
 * {@link #setAcceptUnknownObjects} to take any object.
 *
 * <h2>Reset</h2>
 * {@link #reset()} empties the store and zeroes counters, rate windows and queued faults, keeping definitions
 * (but not those {@linkplain #setAcceptUnknownObjects auto-registered}), clients, tokens already issued and
 * configuration, so a client's cached token keeps working across tests. {@link #resetAll()} goes back to the
 * state of a new simulator.
 *
 * <p>Thread-safe: configure and inspect it while clients call it.
 */
public class ZuoraSimulator extends AbstractSimulator {

    /** The OAuth client every new simulator knows. */
    public static final String DEMO_CLIENT_ID = "demo-client";
    public static final String DEMO_CLIENT_SECRET = "demo-secret";
    /** The tenant of the demo client and of static tokens, unless another is named. */
    public static final String DEFAULT_TENANT_ID = "demo-tenant";
    /** Zuora's limit of records per create or batch call. */
    public static final int MAX_RECORDS_PER_CALL = CreateRecordsEndpoint.MAX_RECORDS_PER_CALL;

    private static final Logger LOG = LoggerFactory.getLogger(ZuoraSimulator.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final LongSupplier clockMillis = System::currentTimeMillis;
    private final TokenRegistry tokens = new TokenRegistry(clockMillis);
    private final DefinitionRegistry definitions = new DefinitionRegistry();
    private final RecordStore store = new RecordStore();
    private final TenantLimits limits = new TenantLimits(clockMillis);
    private final RetryableRecordsFault retryFault = new RetryableRecordsFault();
    private final CallObservations observations = new CallObservations();
    private final ZuoraRouter router = new ZuoraRouter();
    private final TokenEndpoint tokenEndpoint = new TokenEndpoint(tokens);
    private final DefinitionsEndpoint definitionsEndpoint = new DefinitionsEndpoint(definitions);
    private final CreateRecordsEndpoint createEndpoint =
            new CreateRecordsEndpoint(definitions, store, retryFault, observations);
    private final QueryRecordsEndpoint queryEndpoint = new QueryRecordsEndpoint(definitions, store);
    private final RecordEndpoint recordEndpoint = new RecordEndpoint(definitions, store);
    private final BatchRecordsEndpoint batchEndpoint = new BatchRecordsEndpoint(definitions, store);

    /** A simulator on a free port (see {@link #baseUrl()} once started). */
    public ZuoraSimulator() {
        this(0);
    }

    /** @param port the port to listen on, 0 for a free one */
    public ZuoraSimulator(int port) {
        super(port);
        registerClient(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
    }

    // ---- OAuth --------------------------------------------------------------------------------------------

    /** Registers an OAuth client of the {@linkplain #DEFAULT_TENANT_ID default tenant}. */
    public ZuoraSimulator registerClient(String clientId, String clientSecret) {
        return registerClient(clientId, clientSecret, DEFAULT_TENANT_ID);
    }

    /** Registers an OAuth client whose tokens act for {@code tenantId} (rate limits are per tenant). */
    public ZuoraSimulator registerClient(String clientId, String clientSecret, String tenantId) {
        tokens.register(new OAuthClient(clientId, clientSecret, new Caller(tenantId, userIdOf(clientId))));
        return this;
    }

    /** Accepts {@code token} as a bearer token forever, for clients configured with a fixed access token. */
    public ZuoraSimulator acceptStaticToken(String token) {
        return acceptStaticToken(token, DEFAULT_TENANT_ID);
    }

    public ZuoraSimulator acceptStaticToken(String token, String tenantId) {
        tokens.acceptStaticToken(token, new Caller(tenantId, userIdOf("static:" + token)));
        return this;
    }

    /** How long tokens issued from now on stay valid (default one hour, reported as {@code expires_in: 3599}). */
    public ZuoraSimulator setTokenLifetime(Duration lifetime) {
        tokens.setLifetime(lifetime);
        return this;
    }

    public Duration tokenLifetime() {
        return tokens.lifetime();
    }

    /** Every token issued so far answers 401 from now on, as after a credential rotation (static tokens stay). */
    public ZuoraSimulator revokeIssuedTokens() {
        tokens.revokeIssuedTokens();
        return this;
    }

    /** Tokens issued by {@code POST /oauth/token} since start or the last reset. */
    public long tokensIssued() {
        return tokens.issuedCount();
    }

    // ---- definitions --------------------------------------------------------------------------------------

    /** Adds (or replaces) a custom object definition; records already stored stay as they are. */
    public ZuoraSimulator registerDefinition(ObjectDefinition definition) {
        definitions.register(definition);
        return this;
    }

    /**
     * Defines the objects of {@code definitionsJson}, the body {@code POST /objects/definitions/default} takes
     * (Zuora's {@code {"definitions": {"Vehicle": {"object": "Vehicle", "label": "Vehicle", "properties": {...},
     * "required": [...], "filterable": [...]}}}}), with the same rules: all of them or none.
     *
     * @return the names defined, in the body's order
     * @throws IllegalArgumentException for what the endpoint answers 400 (not JSON, a rule broken, an object
     *                                  defined already), with its message
     */
    public List<String> registerDefinitions(String definitionsJson) {
        List<ObjectDefinition> read;
        try {
            read = DefinitionRequestReader.read(JsonBodies.object(definitionsJson.getBytes(StandardCharsets.UTF_8)));
            definitions.defineAll(read);
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return read.stream().map(ObjectDefinition::name).collect(Collectors.toList());
    }

    /** Registers an object whose records may carry any fields of any type ({@link ObjectDefinition#open}). */
    public ZuoraSimulator registerObject(String object) {
        return registerDefinition(ObjectDefinition.open(object));
    }

    /**
     * When true, records of an object with no definition are taken as for {@link #registerObject}: the first call
     * that names the object defines it, an open definition that lists the {@code __c} fields of the records that
     * call created, typed by their values (see {@code GET /objects/definitions/default/{object}}), and still takes
     * any field. A simulator-only convenience: Zuora refuses records of an object it has no definition of.
     */
    public ZuoraSimulator setAcceptUnknownObjects(boolean accept) {
        definitions.setAcceptUnknownObjects(accept);
        return this;
    }

    /** Whether records of objects with no definition are taken ({@link #setAcceptUnknownObjects}). */
    public boolean acceptsUnknownObjects() {
        return definitions.acceptsUnknownObjects();
    }

    public List<ObjectDefinition> definitions() {
        return definitions.all();
    }

    // ---- limits and faults --------------------------------------------------------------------------------

    /** At most {@code limit} data calls per tenant in any sliding {@code window}; 0 or less turns the limit off. */
    public ZuoraSimulator setRateLimit(int limit, Duration window) {
        return setRateLimit(limit, window, WindowMode.SLIDING);
    }

    /** Like {@link #setRateLimit(int, Duration)}, counting per sliding or fixed (epoch-aligned) window. */
    public ZuoraSimulator setRateLimit(int limit, Duration window, WindowMode mode) {
        limits.setRequestLimit(limit, window, mode);
        return this;
    }

    /** No rate limit and no {@code RateLimit-*} headers. */
    public ZuoraSimulator disableRateLimit() {
        return setRateLimit(0, TenantLimits.DEFAULT_WINDOW);
    }

    /** At most {@code limit} calls in flight (default 40); 0 or less turns the limit off. */
    public ZuoraSimulator setConcurrencyLimit(int limit) {
        limits.setConcurrencyLimit(limit);
        return this;
    }

    /**
     * The next {@code calls} create calls store only part of their valid records and answer 500 with code
     * 71012561, {@code details[].record} being exactly the records not stored (as submitted), half of each call's
     * records (at least one).
     */
    public ZuoraSimulator failNextCreateWithRetryableRecords(int calls) {
        return failNextCreateWithRetryableRecords(calls, 0);
    }

    /** As {@link #failNextCreateWithRetryableRecords(int)}, leaving {@code recordsPerCall} records unstored per call. */
    public ZuoraSimulator failNextCreateWithRetryableRecords(int calls, int recordsPerCall) {
        retryFault.arm(calls, recordsPerCall);
        return this;
    }

    /** Create calls still to be answered with the 71012561 fault. */
    public int pendingRetryableRecordFaults() {
        return retryFault.pendingCalls();
    }

    // ---- inspection ---------------------------------------------------------------------------------------

    /** The stored records of {@code object}, system fields included, in Id order (copies). */
    public List<Map<String, Object>> records(String object) {
        return store.find(object).map(ObjectRecords::all).orElse(List.of()).stream()
                .map(ZuoraSimulator::toMap).collect(Collectors.toList());
    }

    public Optional<Map<String, Object>> record(String object, String id) {
        return store.find(object).flatMap(records -> records.get(id)).map(ZuoraSimulator::toMap);
    }

    /** How many records of {@code object} are stored. */
    public int count(String object) {
        return store.find(object).map(ObjectRecords::size).orElse(0);
    }

    /** The last valid {@code Zuora-Track-Id} received, if any. */
    public Optional<String> lastTrackId() {
        return Optional.ofNullable(observations.lastTrackId());
    }

    /** The most records seen in one create call (over-limit calls included). */
    public int maxRecordsInOneCreate() {
        return observations.maxRecordsInOneCreate();
    }

    /**
     * Back to the state of a new simulator: no definitions, only the demo client, default limits, token lifetime
     * and no latency.
     */
    public void resetAll() {
        reset();
        setLatency(Duration.ZERO);
        definitions.clear();
        tokens.clear();
        limits.restoreDefaults();
        registerClient(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
    }

    @Override
    protected void resetState() {
        store.clear();
        definitions.forgetAutoRegistered();
        tokens.resetIssuedCount();
        limits.reset();
        retryFault.reset();
        observations.reset();
    }

    // ---- serving ------------------------------------------------------------------------------------------

    @Override
    protected SimResponse handle(SimRequest request) {
        String requestId = UUID.randomUUID().toString();
        String trackId = request.header(TrackIds.HEADER);
        boolean trackIdValid = trackId == null || TrackIds.isValid(trackId);
        SimResponse response;
        try {
            response = answer(request, requestId, trackId, trackIdValid);
        } catch (RuntimeException e) {
            LOG.warn("Zuora simulator failed on {} {}", request.method(), request.path(), e);
            response = ZuoraResponses.error(500, ZuoraErrorCodes.INTERNAL_ERROR, "Simulator error: " + e);
        }
        response.header("Zuora-Request-Id", requestId);
        if (trackId != null && trackIdValid) {
            response.header(TrackIds.HEADER, trackId);
        }
        return response;
    }

    private SimResponse answer(SimRequest request, String requestId, String trackId, boolean trackIdValid) {
        Optional<ZuoraRouter.RouteMatch> match = router.match(request.method(), request.path());
        if (match.isEmpty()) {
            stats().recordCall(request.method() + " " + request.path());
            if (router.knowsPath(request.path())) {
                return ZuoraResponses.error(405, ZuoraErrorCodes.INVALID_VALUE,
                        "Method " + request.method() + " is not allowed on " + request.path());
            }
            return ZuoraResponses.notFound("No such resource: " + request.path(), requestId);
        }
        ZuoraRouter.RouteMatch route = match.get();
        stats().recordCall(route.route().key());
        if (!trackIdValid) {
            return ZuoraResponses.error(400, ZuoraErrorCodes.INVALID_VALUE, "Invalid " + TrackIds.HEADER
                    + ": at most " + TrackIds.MAX_LENGTH + " US-ASCII characters, none of : ; \" '");
        }
        if (trackId != null) {
            observations.trackId(trackId);
        }
        if (route.route() == ZuoraRoute.CREATE_TOKEN) {
            return tokenEndpoint.createToken(request);
        }
        Optional<Caller> caller = tokens.authenticate(bearerToken(request));
        if (caller.isEmpty()) {
            return ZuoraResponses.unauthorized(request.header("Authorization") == null
                    ? "Missing Authorization header with a bearer token."
                    : "The bearer token is invalid or expired.");
        }
        String tenant = caller.get().tenantId();
        if (limits.overConcurrencyLimit(stats().inFlight())) {
            return limits.withHeaders(ZuoraResponses.tooManyRequests("Too many concurrent requests: at most "
                    + limits.concurrencyLimit() + " may be in flight.", 1), limits.peek(tenant));
        }
        WindowLimiter.Decision decision = limits.acquire(tenant);
        if (!decision.allowed()) {
            return limits.withHeaders(ZuoraResponses.tooManyRequests("Too many requests: the tenant's limit of "
                    + decision.limit() + " requests per window is used up.",
                    decision.retryAfterSeconds(clockMillis.getAsLong())), decision);
        }
        ZuoraCall call = new ZuoraCall(request, route.object(), route.id(), caller.get(), requestId);
        SimResponse response;
        try {
            response = dispatch(route.route(), call);
        } catch (InvalidRequestException e) {
            response = ZuoraResponses.error(400, e.code(), e.getMessage());
        }
        return limits.withHeaders(response, decision);
    }

    private SimResponse dispatch(ZuoraRoute route, ZuoraCall call) {
        switch (route) {
            case LIST_DEFINITIONS:
                return definitionsEndpoint.list(call);
            case GET_DEFINITION:
                return definitionsEndpoint.get(call);
            case CREATE_DEFINITIONS:
                return definitionsEndpoint.create(call);
            case CREATE_RECORDS:
                return createEndpoint.create(call);
            case QUERY_RECORDS:
                return queryEndpoint.query(call);
            case GET_RECORD:
                return recordEndpoint.get(call);
            case REPLACE_RECORD:
                return recordEndpoint.replace(call);
            case PATCH_RECORD:
                return recordEndpoint.patch(call);
            case DELETE_RECORD:
                return recordEndpoint.delete(call);
            case BATCH_RECORDS:
                return batchEndpoint.batch(call);
            default:
                throw new IllegalStateException("no endpoint for " + route);
        }
    }

    private static String bearerToken(SimRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    /** A stable 32-hex user id per client, the form Zuora's CreatedById takes. */
    private static String userIdOf(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static Map<String, Object> toMap(ObjectNode record) {
        return SimResponse.mapper().convertValue(record, MAP);
    }
}
